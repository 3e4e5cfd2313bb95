// Organisations that news names constantly but that carry no organisation word ("Apple", "Reuters",
// "Arsenal"), so no rule can type them. Compromise's list covers mostly American brands; this adds
// the largest listed companies, banks, news organisations, international bodies and European football
// clubs, chosen by prominence, not from any test text.
export const NOTABLE_ORGS = [
  // technology and media companies
  'apple', 'microsoft', 'alphabet', 'google', 'amazon', 'meta', 'facebook', 'instagram', 'whatsapp', 'tiktok',
  'bytedance', 'nvidia', 'intel', 'amd', 'qualcomm', 'broadcom', 'tsmc', 'samsung', 'sony', 'huawei',
  'xiaomi', 'tencent', 'alibaba', 'baidu', 'openai', 'anthropic', 'deepmind', 'netflix', 'spotify', 'uber',
  'airbnb', 'oracle', 'ibm', 'salesforce', 'adobe', 'cisco', 'twitter', 'linkedin', 'youtube', 'snapchat',
  'paypal', 'ebay', 'palantir', 'dell', 'hp', 'lenovo', 'foxconn', 'ericsson', 'nokia', 'vodafone', 'bt',
  'sap', 'siemens', 'philips', 'asml', 'softbank', 'rakuten', 'nintendo', 'disney', 'warner bros', 'comcast',
  // cars, energy, industry
  'tesla', 'toyota', 'honda', 'nissan', 'volkswagen', 'bmw', 'mercedes-benz', 'stellantis', 'renault', 'ford',
  'byd', 'hyundai', 'kia', 'volvo', 'jaguar land rover', 'rolls-royce', 'boeing', 'airbus', 'bae systems',
  'shell', 'bp', 'exxonmobil', 'exxon', 'chevron', 'totalenergies', 'aramco', 'saudi aramco', 'gazprom',
  'rosneft', 'equinor', 'glencore', 'rio tinto', 'bhp', 'anglo american', 'arcelormittal', 'fortescue',
  // retail and consumer goods
  'walmart', 'tesco', 'sainsbury', "sainsbury's", 'asda', 'aldi', 'lidl', 'ikea', 'nike', 'adidas', 'unilever',
  'nestle', 'procter & gamble', 'diageo', 'coca-cola', 'pepsico', "mcdonald's", 'starbucks', 'zara', 'inditex',
  'h&m', 'primark', 'marks & spencer', 'john lewis', 'lvmh', 'kering', 'l\'oreal', 'heineken', 'ab inbev',
  // pharmaceuticals
  'pfizer', 'moderna', 'astrazeneca', 'gsk', 'novartis', 'roche', 'sanofi', 'novo nordisk', 'eli lilly',
  'johnson & johnson', 'bayer', 'biontech', 'merck',
  // banks and finance
  'hsbc', 'barclays', 'lloyds', 'natwest', 'santander', 'jpmorgan', 'jpmorgan chase', 'goldman sachs',
  'morgan stanley', 'citigroup', 'citi', 'wells fargo', 'bank of america', 'ubs', 'credit suisse',
  'deutsche bank', 'bnp paribas', 'blackrock', 'vanguard', 'berkshire hathaway', 'mastercard',
  'standard chartered', 'nomura', 'revolut', 'monzo', 'klarna', 'moody\'s', 'fitch', 's&p global',
  // news organisations
  'reuters', 'bloomberg', 'associated press', 'ap', 'afp', 'agence france-presse', 'xinhua', 'tass', 'ria novosti',
  'kyodo', 'yonhap', 'al jazeera', 'bbc', 'itv', 'sky news', 'channel 4', 'cnn', 'fox news', 'msnbc', 'nbc',
  'cbs', 'abc', 'npr', 'pbs', 'the guardian', 'guardian', 'the times', 'financial times', 'the economist',
  'economist', 'new york times', 'washington post', 'wall street journal', 'politico', 'axios', 'the telegraph',
  'daily mail', 'the independent', 'le monde', 'der spiegel', 'yougov', 'ipsos', 'gallup',
  // international and public bodies
  'united nations', 'un', 'unicef', 'unesco', 'unhcr', 'world health organization', 'imf',
  'international monetary fund', 'world bank', 'wto', 'world trade organization', 'nato', 'eu', 'european union',
  'opec', 'asean', 'african union', 'g7', 'g20', 'brics', 'interpol', 'europol', 'amnesty international',
  'human rights watch', 'greenpeace', 'oxfam', 'red cross', 'medecins sans frontieres', 'msf', 'fifa', 'uefa',
  'ioc', 'nasa', 'esa', 'fbi', 'cia', 'mi5', 'mi6', 'gchq', 'nhs', 'ofcom', 'ofgem', 'ofsted', 'ons', 'hmrc',
  'dvla', 'fca', 'cma', 'sec', 'ftc', 'fda', 'cdc', 'ecb', 'fed',
  // football clubs
  'arsenal', 'chelsea', 'liverpool', 'everton', 'tottenham', 'tottenham hotspur', 'spurs', 'manchester united',
  'manchester city', 'man city', 'man utd', 'newcastle united', 'aston villa', 'west ham', 'west ham united',
  'brighton', 'wolves', 'celtic', 'rangers', 'real madrid', 'barcelona', 'atletico madrid', 'bayern munich',
  'borussia dortmund', 'juventus', 'inter milan', 'ac milan', 'napoli', 'paris saint-germain', 'psg', 'ajax',
  'benfica', 'porto',
];

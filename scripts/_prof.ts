import { readFileSync } from 'node:fs';
import { findEntities } from '../detect/entities';
const ps = ['entities-dev.json','entities-heldout.json'].flatMap(n=>JSON.parse(readFileSync('tests/fixtures/labelled/'+n,'utf8')).map((p:any)=>p.text));
let t='';for(let i=0;t.length<100000;i++) t+=ps[i%ps.length]+'\n\n';
findEntities(t);
for (let i=0;i<3;i++){const s=performance.now(); findEntities(t); console.log(performance.now()-s);}

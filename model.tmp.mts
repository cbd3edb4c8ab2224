// Ad-hoc: time the risk model alone on the bench's 1,000-organization chain.
import { benchDatabase } from './bench/environment.ts';
import { reachBuyers } from './bench/reach-addon.ts';
import { RiskRepository } from './src/modules/risk/risk-repository.ts';
import { subjectsOf } from './src/modules/risk/risk-service.ts';
import { assessRisk } from './src/domain/risk-assessment.ts';
import { presentScope } from './src/domain/viewer-scope.ts';
import { defaultRiskModel } from './src/modules/risk/risk-model-file.ts';
const db = await benchDatabase(20_000, 1, () => {});
const viewers = await reachBuyers(db.executor, [1000], 1, 10, () => {}, true);
const now = new Date();
const scope = presentScope(viewers[0]!, now);
const repo = new RiskRepository(db.executor);
const row = (await repo.chain(scope, viewers[0]!, 10, null, 'cards'))!;
const model = defaultRiskModel();
console.log('orgs', row.organizations.length);
const N = Number(process.env.N ?? 200);
for (let k = 0; k < 3; k++) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) assessRisk(model, subjectsOf(row, 10), now, null, scope.viewerId);
  const c = process.cpuUsage(c0);
  console.log(`assess: ${((c.user + c.system) / N / 1000).toFixed(2)} ms cpu`);
}
await db.close();

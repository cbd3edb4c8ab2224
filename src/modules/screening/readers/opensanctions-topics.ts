// What OpenSanctions says an entry is about, in Tiersight's topic words. Two signals, both the list's
// own: the FollowTheMoney `topics` of the entity, where a topic names a human-rights one, and the
// datasets it comes from, where a dataset is a forced-labour list by law (the UFLPA Entity List; CBP's
// withhold release orders and findings under section 307 of the Tariff Act, which bars goods made by
// forced labour). Sanctions and export-control topics say nothing about labour, so they map to none.
import { storedTopics, type RiskTopic } from '../../../domain/format.ts';

/**
 * FollowTheMoney topics (followthemoney/types/topic.py) that are a human-rights topic. Human
 * trafficking is forced labour in the codes the topics follow (RBA A1 "Freely Chosen Employment" names
 * trafficked labour; ILO Protocol P029).
 */
const FTM_TOPICS: ReadonlyMap<string, RiskTopic> = new Map([
  ['forced.labor', 'FORCED_LABOUR'],
  ['crime.traffick.human', 'FORCED_LABOUR'],
  ['crime.env', 'ENVIRONMENT'],
]);

/** A forced-labour list by its dataset name (`us_dhs_uflpa`) or its title (`US DHS UFLPA Entity List`). */
const FORCED_LABOUR_LIST = /\buflpa\b|\bforced labou?r\b|\bwithhold release orders?\b/;

const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ');

/** The entry's topics, or undefined when the list says nothing about any (not classified). */
export function openSanctionsTopics(
  ftmTopics: readonly string[],
  datasets: readonly string[],
): RiskTopic[] | undefined {
  const topics = ftmTopics.flatMap((topic) => FTM_TOPICS.get(topic.toLowerCase()) ?? []);
  if (datasets.some((dataset) => FORCED_LABOUR_LIST.test(words(dataset)))) topics.push('FORCED_LABOUR');
  return topics.length === 0 ? undefined : storedTopics(topics);
}

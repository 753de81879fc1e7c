import { type DrugNeed, type DrugNeedRow, needInQuery } from './drugNeeds.ts';
import { drugNameCore, drugNameWithoutForm } from './drugNameCore.ts';
import { containsHan, normaliseQuery } from './searchQuery.ts';
import { type TraditionalToSimplified, toSimplified } from './simplifiedChinese.ts';

/** What search knows besides the index: how to simplify traditional characters, and the need words. */
export interface SearchVocabulary {
  simplified: TraditionalToSimplified;
  needs: readonly DrugNeedRow[];
}

export interface SearchTerms {
  /** What was typed, normalised: simplified characters, ASCII letters in lower case, punctuation as spaces. */
  text: string;
  /** The name without form and strength (氯化钾缓释片 → 氯化钾), when that differs. */
  withoutForm: string | null;
  /** The name without salt, ester, form and strength (盐酸二甲双胍片 0.5g → 二甲双胍), when that differs. */
  core: string | null;
  /** The need the query names (退烧药 → 退烧), when it names one. */
  need: DrugNeed | null;
}

/** Everything a query is searched as. The core is computed before punctuation goes, so that （缓释）and 0.3g are seen. */
export function searchTerms(raw: string, vocabulary: SearchVocabulary): SearchTerms {
  const simplified = toSimplified(raw.normalize('NFKC'), vocabulary.simplified);
  const text = normaliseQuery(simplified);
  const compact = text.replace(/ /g, '');
  const han = containsHan(compact);
  const core = han ? normaliseQuery(drugNameCore(simplified)).replace(/ /g, '') : compact;
  const withoutForm = han ? normaliseQuery(drugNameWithoutForm(simplified)).replace(/ /g, '') : compact;
  return {
    text,
    withoutForm: withoutForm && withoutForm !== compact ? withoutForm : null,
    core: core && core !== compact ? core : null,
    need: containsHan(compact) ? needInQuery(compact, vocabulary.needs) : null,
  };
}

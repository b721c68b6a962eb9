import type { Question, Response } from '@/questions/schema';

/** A student's answer in words, for results pages and instructors' views. */
export function describeResponse(question: Question, response: Response | null): string {
  if (!response) return 'No answer';
  const optionText = (options: { id: string; text: string }[], id: string | null) =>
    options.find((o) => o.id === id)?.text ?? '(unknown option)';
  switch (response.type) {
    case 'multiple-choice':
      return question.type === 'multiple-choice' ? optionText(question.options, response.optionId) : '';
    case 'multiple-answer':
      return question.type === 'multiple-answer'
        ? response.optionIds.map((id) => optionText(question.options, id)).join('; ') || 'No option chosen'
        : '';
    case 'true-false':
      return response.value ? 'True' : 'False';
    case 'cloze':
      return response.blanks.map((b, i) => `${i + 1}: ${b || '—'}`).join(', ');
    case 'short-answer':
      return response.text.trim() || 'No answer';
    case 'matching':
      return question.type === 'matching'
        ? question.left
            .map(
              (l) =>
                `${l.text} → ${response.pairs[l.id] ? optionText(question.right, response.pairs[l.id]!) : '—'}`,
            )
            .join('; ')
        : '';
    case 'ordering':
      return question.type === 'ordering'
        ? response.order.map((id, i) => `${i + 1}. ${optionText(question.items, id)}`).join(' ')
        : '';
    case 'select-evidence':
      return question.type === 'select-evidence' ? optionText(question.options, response.sentenceId) : '';
    case 'claim-evidence-reasoning':
      return question.type === 'claim-evidence-reasoning'
        ? `Evidence: ${response.sentenceId ? optionText(question.options, response.sentenceId) : 'none chosen'} Reasoning: ${response.reasoning.trim() || 'none'}`
        : '';
  }
}

import type { ParsedReading } from '@/questions/reading/types';
import type { GenerationReport } from '../generate';

/** Something that writes questions for a reading. Every provider's output meets the same validators. */
export interface QuestionProvider {
  readonly name: string;
  generate(reading: ParsedReading, options: { readingSlug: string }): Promise<GenerationReport>;
}

// The server writes its messages in both languages, "tiếng Việt / English" (several such pairs
// joined by "; "), so that any client can read them. A person reads one language: the UI's.

const FIELD = /^([\w[\].]+: )(.*)$/;

function side(segment: string, english: boolean): string {
  const pieces = segment.split(' / ');
  if (pieces.length < 2) return segment;
  if (pieces.length === 2) {
    // "rows[0].value: không được âm / must not be negative": the field name stays on both sides.
    const field = FIELD.exec(pieces[0]!);
    if (field) return english ? `${field[1]}${pieces[1]}` : pieces[0]!;
    return english ? pieces[1]! : pieces[0]!;
  }
  // A message that embeds others: its own sentence in the chosen language.
  return english ? pieces[1]!.split(': ')[0]! : pieces[0]!;
}

/** The part of a bilingual server message in the UI's language ("en" or anything else: vi). */
export function inLanguage(text: string | undefined, language: string): string | undefined {
  if (!text) return text;
  const english = language === 'en';
  return text
    .split('; ')
    .map((segment) => side(segment, english))
    .join('; ');
}

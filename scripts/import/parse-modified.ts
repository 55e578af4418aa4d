// Splits the title of a partly authorized ("modified") request into the original request, what
// was authorized and the remaining portion decided; the two wordings seen are shown above
// splitModified.
import { group } from './match-group.ts';

export interface Modified {
  originalRequest: string;
  authorized: string;
  /** The part that went to IMR and was decided. */
  remaining: string;
}

const REMAINING_PORTION =
  /^(?<original>.+?) was the original request\.\s+(?<authorized>.+?) was authorized by the Claims Administrator\.\s+The remaining IMR eligible portion of the original request,?\s+(?<remaining>.+?)(?:,?\s+is)?$/i;
const LEAVING_ELIGIBLE =
  /^(?<original>.+?) was the original request\.\s+The Claims Administrator authorized (?<authorized>.+?),\s+leaving the original request IMR eligible\.\s+The original request,?\s+(?<remaining>.+?)(?:,?\s+is)?$/i;

// The two wordings:
//
//   Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by the
//   Claims Administrator. The remaining IMR eligible portion of the original request,
//   Norco 10/325mg #35 is: Upheld
//
//   One month supply of Trezix capsule 320.5/30/16mg was the original request. The Claims
//   Administrator authorized Trezix capsule 320.5/30/16mg #5, leaving the original request
//   IMR eligible. The original request, one month supply of Trezix capsule 30.5/30/16mg is: Upheld
/** The parts of a modified-request title, or undefined for an ordinary title. */
export function splitModified(title: string): Modified | undefined {
  const m = REMAINING_PORTION.exec(title) ?? LEAVING_ELIGIBLE.exec(title);
  if (!m) return undefined;
  return {
    originalRequest: group(m, 'original').trim(),
    authorized: group(m, 'authorized').trim(),
    remaining: group(m, 'remaining').replace(/,$/, '').trim(),
  };
}

// The sample determination's body as the importer writes it: three sections, a third-level
// heading that is not an item, and two items with their facts and rationales.
export const SAMPLE_BODY = `## How the IMR final determination was made

MAXIMUS Federal Services sent the complete case file to an expert reviewer.

## Clinical case summary

The injured worker is a 48 year old male.

### History

Older notes.

## Decisions and rationales

The Final Determination was based on decisions for the disputed items/services set forth below:

### Item 1: MRI of the right shoulder without contrast

**Upheld.**

Claims Administrator guideline: Decision based on MTUS Shoulder Complaints 2004.

MAXIMUS guideline: Decision based on MTUS Shoulder Complaints 2004, Section(s): Special Studies.

CA MTUS/ACOEM Guidelines state that … not medically necessary.

### Item 2: MRI of the cervical spine & neck

**Overturned.**

The request is medically necessary.

## Notes

An extra section.
`;

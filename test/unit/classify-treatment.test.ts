// Requests as the corpus letters print them (test/fixtures/reference.jsonl), classified against
// the real taxonomy in content/treatments.yml.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { classifyTreatment } from '../../scripts/import/classify-treatment.ts';
import { TreatmentTaxonomySchema } from '../../src/lib/schema/treatment.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { taxonomy } = loadCatalogue(`${root}content`);

const requests = readFileSync(`${root}test/fixtures/reference.jsonl`, 'utf8')
  .split('\n')
  .filter(Boolean)
  .flatMap((line) => (JSON.parse(line) as { items: Array<{ treatment: string }> }).items.map((i) => i.treatment));

describe('classifyTreatment on real requests', () => {
  test.each([
    // Imaging by modality
    ['MRI of the right shoulder without contrast', 'mri'],
    ['MR Arthrogram of the right shoulder', 'mri'],
    ['MARS MRI scan of right hip', 'mri'],
    ['Magnetic resonance imaging (MRI) of the right shoulder', 'mri'],
    ['Retrospective CT scan of the cervical spine (DOS 11/18/16)', 'ct-scan'],
    ['X-rays of the left shoulder', 'x-ray'],
    ['Pre-op chest x-ray', 'preoperative-testing'],
    ['EMG (electromyography)/NCV (nerve conduction velocity) of the bilateral upper extremities', 'emg-ncs'],
    ['SSEP of the lumbar and lower extremities', 'emg-ncs'],
    ['Trigger points impedance imaging (TPII)', 'other-imaging'],
    // Therapies
    ['Physical therapy 2-3 times a week for 6 weeks', 'physical-therapy'],
    ['Chiropractic physiotherapy treatment 6 visits', 'chiropractic-manipulation'],
    ['Chirophysio therapy two times a week for four weeks for the right elbow and right knee', 'chiropractic-manipulation'],
    ['Spinal manipulation therapy 2 times a week for 4 weeks', 'chiropractic-manipulation'],
    ['Re-exam with chiropractor for the lumbar spine flare-up', 'office-visits'],
    ['Twelve acupuncture visits with Capsaicin patch, 2 times weekly for 6 weeks', 'acupuncture'],
    ['Pulsed Ultrasound 2 times a week for 4 weeks', 'physical-modalities'],
    ['Extracorporeal shockwave therapy (ESWT)', 'physical-modalities'],
    ['continuation for left hand therapy for 6 sessions', 'occupational-therapy'],
    ['Four sessions of biofeedback two times a week times 2 weeks', 'psychological-care'],
    // Injections and procedures
    ['Facet joint injections L4-5, L5-S1', 'facet-injection'],
    ['Right L4 transforaminal epidural steroid injection under fluoroscopic guidance', 'epidural-steroid-injection'],
    ['One platelet-rich plasma injection to the right knee', 'prp-injection'],
    ['Retrospective injection 5cc of lidocaine hcl 1percent and 1cc of dexamethasone 120mg to the right knee', 'joint-injection'],
    ['Injection of neurolytic substance, lumbar spine', 'neurolysis-adhesiolysis'],
    // Surgery and around it
    ['Right shoulder arthroscopy RCR (rotator cuff repair) and decompression', 'shoulder-surgery'],
    ['Arthroscopy of the left knee', 'knee-surgery'],
    ['with open carpal tunnel release', 'hand-wrist-surgery'],
    ['Assistant surgeon', 'surgical-assistant'],
    ['Associated surgical service: Labs - PT/PTT', 'preoperative-testing'],
    ['Associated surgical service: Cold compression therapy 30 day rental', 'cold-therapy-unit'],
    ['Associated surgical service: Shoulder sling with abduction pillow', 'braces-orthotics'],
    ['Associated surgical service: EMS/TENS unit', 'tens-ems-unit'],
    ['Zynex EMS unit (home use)/purchase for lumbar spine', 'tens-ems-unit'], // the 2014 fragment
    ['Consult with hip replacement specialist to evaluation for a total hip arthroplasty', 'specialist-referral'],
    // Medications, brand and generic
    ['Norco 10/325mg #35', 'opioids'],
    ['Post-op Percocet 5/325mg', 'opioids'],
    ['Ultram (tramadol) 50mg #90', 'opioids'],
    ['one month supply of Trezix capsule 30.5/30/16mg', 'opioids'],
    ['Voltaren gel apply to affected area 4 times a day, #60 grams with 1 refill, DOS: 11/11/2016', 'topical-analgesics'],
    ['Three refills of Voltaren 75mg #60', 'nsaids'],
    ['Lidoderm patch, 12 hours on 12 hours off to affected area, #1 box with 1 refill, DOS: 11/11/2016', 'topical-analgesics'],
    ['Salonpas pad #60', 'topical-analgesics'],
    ['Meloxicam (Mobic) 7.5mg #30', 'nsaids'],
    ['Diclofenac/misoprostol 75-0.2mg #60 with 2 refills', 'nsaids'],
    ['Flexeril 10mg #90', 'muscle-relaxants'],
    ['Lorzone 750mg one by mouth three times a day #45', 'muscle-relaxants'],
    ['Norflex 100mg #60', 'muscle-relaxants'],
    ['One container of Flurbiprofen 10%, Cyclobenzaprine 3%, Gabapentin 6%, Lidocaine 5%/Dextromethorphan', 'compounded-medications'],
    ['Ketoprofen 20% in cream base 240g', 'compounded-medications'],
    ['Synapryn (10mg/1ml oral suspension) 500ml', 'compounded-medications'],
    ['Prilosec 20mg #90', 'ppis'],
    ['Pepcid 20mg', 'ppis'],
    ['Post-op Zofran', 'antiemetics'],
    ['Post-op Colace 100mg #60, 1 tablet by mouth as needed', 'laxatives'],
    ['Venlafaxine HCL ER 37.5mg #90', 'antidepressants'],
    [
      'Diazepam (Valium) 5mg take 1 tab orally 1 hour before exam, may repeat dose 1/2 hour after first dose for anxiety',
      'benzodiazepines',
    ],
    ['Three months coverage of Viagra 50mg', 'other-medications'],
    // Care settings, programs, equipment, visits
    ['Acute inpatient rehabilitation physical therapy and occupational therapy 7-10 days for left foot fracture', 'inpatient-rehab-snf'],
    [
      "Home aide 6 hours per day, 5 times a week for 4 weeks to assist with mobility, transfer, ADL's and safety in the home when wife is working",
      'home-health',
    ],
    ['Partial Hospitalization day treatment', 'psychological-care'],
    ['Functional capacity evaluation (FCE)', 'functional-capacity-evaluation'],
    ['Gym membership', 'gym-membership'],
    ['Hospital bed for an unspecified rental', 'dme'],
    ['Urine drug testing', 'urine-drug-testing'],
    ['Electrocardiogram times 3', 'cardiac-testing'],
    ['Follow up office visit times 2', 'office-visits'],
    ['TOC to ortho spine surgeon eval and treatment', 'specialist-referral'],
  ])('classifies "%s" as %s', (request, slug) => {
    expect(classifyTreatment(request, taxonomy)).toBe(slug);
  });

  test('recognises the drug names a practitioner writes, brand or generic', () => {
    const names: Record<string, string[]> = {
      opioids: ['Norco', 'hydrocodone', 'Percocet', 'Tramadol', 'Ultram', 'Nucynta', 'Trezix'],
      'muscle-relaxants': ['Flexeril', 'cyclobenzaprine', 'baclofen', 'Zanaflex', 'tizanidine', 'Soma'],
      nsaids: ['Naproxen', 'Anaprox', 'Voltaren', 'diclofenac', 'Mobic', 'meloxicam'],
      'topical-analgesics': ['Lidoderm', 'lidocaine patch', 'Terocin', 'Flector', 'Voltaren gel'],
      ppis: ['Prilosec', 'omeprazole', 'Protonix', 'pantoprazole'],
      anticonvulsants: ['Gabapentin', 'Neurontin', 'Lyrica'],
      antidepressants: ['Cymbalta'],
      'sleep-aids': ['Ambien'],
    };
    for (const [slug, drugs] of Object.entries(names)) {
      for (const drug of drugs) expect([drug, classifyTreatment(`${drug} 10mg #30`, taxonomy)]).toEqual([drug, slug]);
    }
  });

  test('leaves fewer than 5 % of the corpus items to "other"', () => {
    const leftovers = requests.filter((r) => classifyTreatment(r, taxonomy) === taxonomy.fallback);
    expect(requests).toHaveLength(340);
    expect(leftovers.length / requests.length).toBeLessThan(0.05);
  });
});

describe('classifyTreatment as a reader of data', () => {
  const tiny = TreatmentTaxonomySchema.parse({
    fallback: 'misc',
    types: [
      { slug: 'gel', label: 'Gels', group: 'Medications', match: ['\\bgel\\b'], exclude: ['\\bsilicone\\b'] },
      { slug: 'nsaid', label: 'NSAIDs', group: 'Medications', match: ['voltaren'] },
      { slug: 'misc', label: 'Other', group: 'Other' },
    ],
  });

  test('takes the first type that matches, in file order', () => {
    expect(classifyTreatment('Voltaren gel', tiny)).toBe('gel');
    expect(classifyTreatment('VOLTAREN 75mg', tiny)).toBe('nsaid');
  });

  test('lets an exclude rule veto a match and falls back when nothing is left', () => {
    expect(classifyTreatment('Silicone gel sheets', tiny)).toBe('misc');
    expect(classifyTreatment('Hygiene wipes', tiny)).toBe('misc');
  });
});

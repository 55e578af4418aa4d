// html-validate over the built site (test/build/html-validate.test.ts; by hand:
// `npx html-validate dist`). The recommended preset, with one rule set to what the site means.
/** @type {import('html-validate').ConfigData} */
export default {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // The search page's filters are checkboxes that share a name per filter ("treatment"), so the
    // form submits ?treatment=a&treatment=b, the URL the search page reads. Checkboxes join the
    // types the rule already lets share a name; every other control must still be unique.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
};

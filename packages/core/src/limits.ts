/** How long a typed field may be, the same in the form that takes it and the schema that checks it. */
export const INPUT_LIMITS = {
  code: 64,
  email: 320,
  name: 200,
  line: 200,
  reason: 500,
  description: 5000,
  search: 200,
  phone: 40,
} as const;

export const FPN_STATUSES = [
  'issued',
  'accepted',
  'paid',
  'paid_discounted',
  'disputed',
  'withdrawn',
] as const;
export const OFFENCE_CODES = [
  'offence_code_05',
  'offence_code_06',
  'offence_code_08',
  'offence_code_09',
] as const;
export const PAYMENT_METHODS = ['bank_transfer', 'card_payment', 'cash', 'cheque'] as const;

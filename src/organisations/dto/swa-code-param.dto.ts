import { PatternProperty, SM_LIMITS } from '../../common/validation/bounded';

export class SwaCodeParamDto {
  @PatternProperty(
    /^[A-Za-z0-9]{1,4}$/,
    SM_LIMITS.swaCode,
    'must be a SWA code of 1 to 4 letters or digits',
    {
      description: 'Street works authority (SWA) code of the organisation, 4 characters',
      example: '4720',
    },
  )
  swaCode!: string;
}

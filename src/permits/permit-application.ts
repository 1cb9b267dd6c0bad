import type { SmPermitCreateRequest } from '../upstreams/street-manager/work-api.client';
import type { ErrorDetail } from '../common/errors/api-error';
import { midnight } from '../common/query/dates';
import type { PermitApplicationDto } from './dto/permit-application.dto';

type SmApplication = Omit<SmPermitCreateRequest, 'internal_user_identifier' | 'internal_user_name'>;

/** A permit application in Street Manager's words (the caller's identity is added by the transport). */
export function permitApplicationToStreetManager(dto: PermitApplicationDto): SmApplication {
  return {
    proposed_start_date: midnight(dto.proposedStartDate),
    proposed_end_date: midnight(dto.proposedEndDate),
    description_of_work: dto.description,
    works_location_description: dto.locationDescription,
    work_type: dto.workType as SmApplication['work_type'],
    activity_type: dto.activityType as SmApplication['activity_type'],
    traffic_management_type: dto.trafficManagementType as SmApplication['traffic_management_type'],
    application_type: dto.applicationType as SmApplication['application_type'],
    location_types: dto.locationTypes as SmApplication['location_types'],
    close_footway: dto.closeFootway as SmApplication['close_footway'],
    // required by V6; `no` unless the caller says otherwise (works on a footpath must say, see checkPermitApplication)
    close_footpath: (dto.closeFootpath ?? 'no') as SmApplication['close_footpath'],
    excavation: dto.excavation,
    traffic_management_plan: dto.trafficManagementPlan ?? false,
    lane_rental_applicable: dto.laneRentalApplicable ?? false,
    collaborative_working: false,
    is_ttro_required: dto.ttroRequired,
    immediate_risk: dto.immediateRisk,
    secondary_contact: dto.secondaryContact,
    secondary_contact_number: dto.secondaryContactNumber,
    secondary_contact_email: dto.secondaryContactEmail,
    early_start_reason: dto.earlyStartReason,
  };
}

/** Street Manager field → ours, so a refusal's details name fields the caller sent. */
export const STREET_MANAGER_FIELD_NAMES: Record<string, string> = {
  proposed_start_date: 'proposedStartDate',
  proposed_end_date: 'proposedEndDate',
  description_of_work: 'description',
  works_location_description: 'locationDescription',
  work_type: 'workType',
  activity_type: 'activityType',
  traffic_management_type: 'trafficManagementType',
  application_type: 'applicationType',
  location_types: 'locationTypes',
  close_footway: 'closeFootway',
  close_footpath: 'closeFootpath',
  is_ttro_required: 'ttroRequired',
  works_coordinates: 'geometry',
  work_reference_number: 'workReferenceNumber',
  promoter_swa_code: 'promoterSwaCode',
  highway_authority_swa_code: 'highwayAuthoritySwaCode',
  early_start_reason: 'earlyStartReason',
};

/** Street Manager's date rules for a permit application, as 422 details (Street Manager's own text never reaches callers). */
export function checkPermitApplication(dto: PermitApplicationDto, now: Date): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const today = now.toISOString().slice(0, 10);
  if (dto.proposedEndDate < dto.proposedStartDate) {
    details.push({ field: 'proposedEndDate', message: 'must be on or after proposedStartDate' });
  }
  if (dto.workType === 'planned' && dto.proposedStartDate < today) {
    details.push({ field: 'proposedStartDate', message: 'must be today or later for planned works' });
  }
  if (dto.workType === 'planned' && dto.ttroRequired === undefined) {
    details.push({ field: 'ttroRequired', message: 'is required for planned works' });
  }
  if (dto.workType === 'immediate' && dto.immediateRisk === undefined) {
    details.push({ field: 'immediateRisk', message: 'is required for immediate works' });
  }
  const start = new Date(midnight(dto.proposedStartDate));
  const fiveYearsLater = new Date(start);
  fiveYearsLater.setUTCFullYear(start.getUTCFullYear() + 5);
  if (dto.workType === 'planned' && new Date(midnight(dto.proposedEndDate)) > fiveYearsLater) {
    details.push({
      field: 'proposedEndDate',
      message: 'must be within 5 years of proposedStartDate for planned works',
    });
  }
  // V6 requires close_footpath; only the caller can say a footpath closure was discussed with the authority (V6-A13)
  if (dto.closeFootpath === undefined && dto.locationTypes.includes('footpath')) {
    details.push({
      field: 'closeFootpath',
      message: 'is required when locationTypes include footpath: yes_discussed_with_ha or no',
    });
  }
  if (Number.isNaN(start.getTime()) || Number.isNaN(Date.parse(midnight(dto.proposedEndDate)))) {
    details.push({ field: 'proposedStartDate', message: 'must be a real calendar date' });
  }
  return details;
}

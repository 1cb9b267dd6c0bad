import { organisationBySwa } from '../data/organisations';
import type {
  ActivityRecord,
  AlterationRecord,
  CommentRecord,
  FpnRecord,
  ForwardPlanRecord,
  InspectionRecord,
  PermitRecord,
  Section81Record,
  WorkRecord,
} from '../data/records';
import type { SandboxState } from '../sandbox-state';
import { label, streetOf } from './labels';

/** Builders for the work API's response bodies (snake_case, as in openapi/upstream/street-manager/v6/work-openapi.json). */

function orgName(swa: string): string {
  return organisationBySwa(swa)?.name ?? swa;
}

const DAY = 86_400_000;

export function permitSummary(p: PermitRecord): Record<string, unknown> {
  return {
    permit_reference_number: p.reference,
    proposed_start_date: p.proposedStart,
    proposed_end_date: p.proposedEnd,
    actual_start_date: p.actualStart,
    actual_stop_date: p.actualStop,
    permit_status: p.status,
    permit_status_string: label(p.status),
    work_category: p.category,
    work_category_string: label(p.category),
  };
}

export function activePermit(work: WorkRecord): PermitRecord | undefined {
  return (
    [...work.permits].reverse().find((p) => !['refused', 'cancelled', 'revoked'].includes(p.status)) ??
    work.permits[work.permits.length - 1]
  );
}

export function permitResponse(
  state: SandboxState,
  work: WorkRecord,
  p: PermitRecord,
): Record<string, unknown> {
  const street = streetOf(state, work);
  const promoter = organisationBySwa(work.promoterSwa);
  const duration = Math.max(1, Math.round((Date.parse(p.proposedEnd) - Date.parse(p.proposedStart)) / DAY));
  return {
    ...permitSummary(p),
    work_reference_number: work.reference,
    promoter_organisation: orgName(work.promoterSwa),
    promoter_swa_code: work.promoterSwa,
    promoter_contact_details: promoter
      ? `${promoter.name}, ${promoter.town} ${promoter.postcode}`
      : work.promoterSwa,
    secondary_contact: p.secondaryContact,
    secondary_contact_number: p.secondaryContactNumber,
    secondary_contact_email: null,
    proposed_start_time: null,
    proposed_end_time: null,
    reasonable_period_end_date: p.proposedEnd,
    calendar_day_duration: duration,
    working_day_duration: Math.max(1, Math.round((duration * 5) / 7)),
    description_of_work: p.description,
    excavation: p.excavation,
    project_reference_number: null,
    traffic_management_plan: p.trafficManagementPlan,
    lane_rental_applicable: p.laneRental,
    permit_conditions: [],
    street_name: street.name,
    town: street.town,
    area_name: street.area,
    usrn: work.usrn,
    highway_authority: orgName(work.haSwa),
    highway_authority_swa_code: work.haSwa,
    road_category: street.roadCategory,
    works_location_description: p.locationDescription,
    works_coordinates: work.geometry,
    collaborative_working: p.collaborativeWorking,
    collaboration_details: null,
    collaborative_works: null,
    date_created: p.dateCreated,
    date_modified: p.dateModified,
    deadline_date: p.deadline,
    assessment_comments: p.assessmentComments,
    reasons_for_refusal: p.reasonsForRefusal,
    reasons_for_refusal_string: p.reasonsForRefusal.map(label),
    activity_type: p.activityType,
    activity_type_string: label(p.activityType),
    traffic_management_type: p.trafficManagementType,
    traffic_management_type_string: label(p.trafficManagementType),
    application_type: p.applicationType,
    application_type_string: label(p.applicationType),
    collaboration_types: null,
    collaboration_types_string: null,
    close_footpath: p.closeFootpath,
    close_footpath_string: label(p.closeFootpath),
    location_types: p.locationTypes,
    location_types_string: p.locationTypes.map(label),
    assessment_status: p.assessmentStatus,
    assessment_status_string: p.assessmentStatus === null ? null : label(p.assessmentStatus),
    files: [],
    permit_asds: [],
    permit_not_selected_asds: [],
    assessment_discount: null,
    assessment_discount_reason: null,
    is_ttro_required: null,
    immediate_risk: null,
    is_early_start: p.isEarlyStart,
    is_deemed: p.isDeemed,
    early_start_pre_approval: null,
    pre_approval_details: null,
    pre_approval_authoriser: null,
    early_start_reason: null,
    additional_info: null,
    permit_alterations: p.alterations.map(alterationSummary),
    work_type: p.workType,
    work_type_string: label(p.workType),
    revoke_reason: null,
    sliding_end_date_candidate: false,
    validity_period_end_date: new Date(Date.parse(p.proposedEnd) + 7 * DAY).toISOString(),
    final_reinstatement: false,
    workstream_prefix: work.workstreamPrefix,
    close_footway: p.closeFootway,
    close_footway_string: label(p.closeFootway),
    lane_rental_assessment_outcome: null,
    lane_rental_assessment_outcome_string: null,
    is_lane_rental: p.laneRental,
    work_status: work.status,
    work_status_string: label(work.status),
    hs2_highway_emails: [],
    additional_contact: null,
    ever_modification_requested: false,
    hs2_additional_usrns: [],
    excavation_carried_out: p.excavation && p.actualStart !== null,
  };
}

export function alterationSummary(a: AlterationRecord): Record<string, unknown> {
  return {
    permit_alteration_reference_number: a.reference,
    date_created: a.dateCreated,
    deadline_date: a.deadline,
    alteration_status: a.status,
    alteration_status_string: label(a.status),
    alteration_type: a.type,
    alteration_type_string: label(a.type),
  };
}

export function alterationResponse(
  state: SandboxState,
  work: WorkRecord,
  p: PermitRecord,
  a: AlterationRecord,
): Record<string, unknown> {
  const original = permitResponse(state, work, p);
  return {
    ...alterationSummary(a),
    permit_status: p.status,
    permit_status_string: label(p.status),
    assessment_discount: null,
    assessment_comments: null,
    permit_alteration_reason: a.reason,
    original,
    proposed: { ...original, proposed_start_date: a.proposedStart, proposed_end_date: a.proposedEnd },
  };
}

export function inspectionSummary(i: InspectionRecord): Record<string, unknown> {
  return {
    inspection_date: i.startDate,
    inspection_response_type: i.isReinspection ? 'reinspection' : 'inspection',
    inspection_response_type_string: i.isReinspection ? 'Reinspection' : 'Inspection',
    inspection_reference_number: i.reference,
    inspection_type: i.type,
    inspection_type_string: label(i.type),
    inspection_status: i.status,
    inspection_status_string: label(i.status),
    inspection_category: i.category,
    inspection_category_string: i.category === null ? null : label(i.category),
    inspection_outcome: i.outcome,
    inspection_outcome_string: label(i.outcome),
    reinspection_date_time: i.reinspectionDate,
  };
}

export function inspectionResponse(work: WorkRecord, i: InspectionRecord): Record<string, unknown> {
  return {
    inspection_reference_number: i.reference,
    inspection_type: i.type,
    inspection_type_string: label(i.type),
    inspection_start_date: i.startDate,
    inspection_category: i.category,
    inspection_category_string: i.category === null ? null : label(i.category),
    inspection_outcome: i.outcome,
    inspection_outcome_string: label(i.outcome),
    failure_reason_details: [],
    is_auto_accepted: false,
    inspection_outcome_details: i.details,
    additional_comments: null,
    date_created: i.dateCreated,
    date_modified: i.dateModified,
    files: [],
    work_reference_number: work.reference,
    reinspection_date: i.reinspectionDate,
    reinspection_date_time: i.reinspectionDate,
    username: i.username,
    promoter_organisation: orgName(work.promoterSwa),
    highway_authority: orgName(work.haSwa),
    inspector_name: i.inspectorName,
    made_safe_by_ha: null,
    inspection_status: i.status,
    inspection_status_string: label(i.status),
  };
}

export function fpnSummary(f: FpnRecord): Record<string, unknown> {
  return {
    fpn_reference_number: f.reference,
    fpn_offence_type: f.offenceCode,
    fpn_offence_type_string: label(f.offenceCode),
    issue_date_time: f.issueDate,
    fpn_status: f.status,
    fpn_status_string: label(f.status),
    status_changed_date: f.statusChanged,
  };
}

export function fpnResponse(state: SandboxState, work: WorkRecord, f: FpnRecord): Record<string, unknown> {
  return {
    ...fpnSummary(f),
    location: `${streetOf(state, work).name}, ${work.locationDescription}`,
    offence_date: f.offenceDate,
    offence_details: f.offenceDetails,
    authorised_officer: f.officer,
    officer_contact_details: f.officerContact,
    officer_address: null,
    representations_contact: null,
    representations_contact_address: null,
    payment_methods: f.paymentMethods,
    payment_methods_string: f.paymentMethods.map(label),
    work_reference_number: work.reference,
    promoter_organisation: orgName(work.promoterSwa),
    ha_organisation: orgName(work.haSwa),
    files: [],
    permit_reference_number: f.permitReference,
  };
}

export function forwardPlanSummary(
  state: SandboxState,
  work: WorkRecord,
  fp: ForwardPlanRecord,
): Record<string, unknown> {
  const street = streetOf(state, work);
  return {
    work_reference_number: work.reference,
    forward_plan_reference_number: fp.reference,
    promoter_organisation: orgName(work.promoterSwa),
    highway_authority: orgName(work.haSwa),
    location_description: fp.locationDescription,
    street: street.name,
    town: street.town,
    area: street.area,
    proposed_start_date: fp.start,
    proposed_end_date: fp.end,
    forward_plan_status: fp.status,
    forward_plan_status_string: label(fp.status),
    date_created: fp.dateCreated,
  };
}

export function forwardPlanResponse(
  state: SandboxState,
  work: WorkRecord,
  fp: ForwardPlanRecord,
): Record<string, unknown> {
  const street = streetOf(state, work);
  const promoter = organisationBySwa(work.promoterSwa);
  return {
    work_reference_number: work.reference,
    forward_plan_reference_number: fp.reference,
    start_date: fp.start,
    end_date: fp.end,
    forward_plan_status: fp.status,
    forward_plan_status_string: label(fp.status),
    promoter_organisation: orgName(work.promoterSwa),
    promoter_swa_code: work.promoterSwa,
    promoter_contact_details: promoter
      ? `${promoter.name}, ${promoter.town} ${promoter.postcode}`
      : work.promoterSwa,
    highway_authority: orgName(work.haSwa),
    highway_authority_swa_code: work.haSwa,
    workstream_prefix: work.workstreamPrefix,
    works_coordinates: work.geometry,
    street_name: street.name,
    town: street.town,
    area_name: street.area,
    usrn: work.usrn,
    road_category: street.roadCategory,
    date_created: fp.dateCreated,
    works_location_description: fp.locationDescription,
    description_of_work: fp.description,
    project_reference_number: null,
    traffic_management_type: null,
    traffic_management_type_string: null,
    additional_info: null,
    forward_plan_asds: [],
    cancelled_reason: fp.cancelledReason,
  };
}

export function section81Summary(
  state: SandboxState,
  work: WorkRecord,
  s: Section81Record,
): Record<string, unknown> {
  const street = streetOf(state, work);
  return {
    issue_date: s.dateCreated,
    work_reference_number: work.reference,
    section_81_reference_number: s.reference,
    promoter_organisation: orgName(work.promoterSwa),
    highway_authority: orgName(work.haSwa),
    location_description: s.locationDescription,
    street: street.name,
    town: street.town,
    area: street.area,
    section_81_severity: s.severity,
    section_81_severity_string: label(s.severity),
    made_safe_by_ha: s.madeSafeByHa,
    section_81_status: s.status,
    section_81_status_string: label(s.status),
    status_changed_date: s.statusChanged,
    section_81_type: s.type,
    section_81_type_string: label(s.type),
  };
}

export function section81Response(
  state: SandboxState,
  work: WorkRecord,
  s: Section81Record,
): Record<string, unknown> {
  const street = streetOf(state, work);
  return {
    section_81_reference_number: s.reference,
    date_created: s.dateCreated,
    location_description: s.locationDescription,
    section_81_severity: s.severity,
    section_81_severity_string: label(s.severity),
    section_81_status: s.status,
    section_81_status_string: label(s.status),
    work_reference_number: work.reference,
    usrn: work.usrn,
    street_name: street.name,
    town: street.town,
    area: street.area,
    road_category: street.roadCategory,
    works_coordinates: work.geometry,
    highway_authority: orgName(work.haSwa),
    highway_authority_swa_code: work.haSwa,
    promoter_organisation: orgName(work.promoterSwa),
    promoter_swa_code: work.promoterSwa,
    workstream_prefix: work.workstreamPrefix,
    location_types: s.locationTypes,
    location_types_string: s.locationTypes.map(label),
    inspection_date: s.inspectionDate,
    section_81_type: s.type,
    section_81_type_string: label(s.type),
    other_type_details: null,
    made_safe_by_ha: s.madeSafeByHa,
    inspector_name: null,
    inspector_contact_number: null,
    additional_details: s.details,
    status_changed_date: s.statusChanged,
    promoter_response: null,
    files: [],
  };
}

/** the work API's own, shorter summaries (the reporting API's rows of the same name carry more) */
function workForwardPlanSummary(work: WorkRecord, fp: ForwardPlanRecord): Record<string, unknown> {
  return {
    work_reference_number: work.reference,
    forward_plan_reference_number: fp.reference,
    start_date: fp.start,
    end_date: fp.end,
    forward_plan_status: fp.status,
    forward_plan_status_string: label(fp.status),
  };
}

function workSection81Summary(s: Section81Record): Record<string, unknown> {
  return {
    section_81_reference_number: s.reference,
    date_created: s.dateCreated,
    location_description: s.locationDescription,
    section_81_severity: s.severity,
    section_81_severity_string: label(s.severity),
    section_81_status: s.status,
    section_81_status_string: label(s.status),
  };
}

export function workResponse(state: SandboxState, work: WorkRecord): Record<string, unknown> {
  const street = streetOf(state, work);
  const active = activePermit(work);
  const latest = <T>(items: T[]): T[] => items.slice(-50);
  return {
    work_reference_number: work.reference,
    workstream_prefix: work.workstreamPrefix,
    promoter_swa_code: work.promoterSwa,
    promoter_organisation: orgName(work.promoterSwa),
    highway_authority_swa_code: work.haSwa,
    highway_authority: orgName(work.haSwa),
    street_name: street.name,
    town: street.town,
    area_name: street.area,
    road_category: street.roadCategory,
    works_coordinates: work.geometry,
    usrn: work.usrn,
    inspection_units: null,
    work_status: work.status,
    work_status_string: label(work.status),
    works_location_description: work.locationDescription,
    work_start_date: work.actualStart,
    work_end_date: work.actualEnd,
    work_start_time: null,
    work_end_time: null,
    description_of_work: work.description,
    active_permit: active ? permitResponse(state, work, active) : null,
    forward_plan:
      work.forwardPlans.length > 0
        ? workForwardPlanSummary(work, work.forwardPlans[work.forwardPlans.length - 1])
        : null,
    permits: work.permits.map(permitSummary),
    history: work.history.map((h) => ({
      action_date: h.at,
      topic: h.topic,
      details: h.details,
      username: h.username,
      event: h.event,
      event_string: label(h.event),
      object_reference: h.objectReference,
      update_id: h.updateId,
      internal_user_identifier: h.internalUserIdentifier,
      internal_user_name: h.internalUserName,
    })),
    sites: [],
    inspections: latest(work.inspections).map(inspectionSummary),
    fpns: latest(work.fpns).map(fpnSummary),
    section_81: work.section81s.length > 0 ? workSection81Summary(work.section81s[0]) : null,
    files: [],
    pbi_sample_inspections: [],
    number_of_sites: 0,
  };
}

export function commentResponse(work: WorkRecord, c: CommentRecord): Record<string, unknown> {
  return {
    comment_reference_number: c.reference,
    // The Work API's CommentTopicResponse lists the topics in lower case, the Reporting API's in upper (V6-A19).
    comment_topic: c.topic.toLowerCase(),
    comment_topic_string: label(c.topic),
    detail: c.detail,
    author_email_address: c.authorEmail,
    date_created: c.dateCreated,
    is_read: c.readOn !== null,
    read_by: c.readBy,
    read_on: c.readOn,
    is_internal: c.isInternal,
    author_organisation_ref: c.authorSwa,
  };
}

/** A row of `GET /reporting/activities`. */
export function activitySummary(state: SandboxState, a: ActivityRecord): Record<string, unknown> {
  const street = streetOf(state, a);
  return {
    activity_reference_number: a.reference,
    usrn: a.usrn,
    street_name: street.name,
    town: street.town,
    area_name: street.area,
    road_category: street.roadCategory,
    activity_coordinates: a.geometry,
    activity_name: a.name,
    activity_activity_type: a.activityType,
    activity_activity_type_string: label(a.activityType),
    activity_type_details: null,
    contact_name: a.contactName ?? '',
    contact_details: '',
    start_date: a.start,
    start_time: null,
    end_date: a.end,
    end_time: null,
    activity_location_description: a.locationDescription,
    traffic_management_required: a.trafficManagementType !== 'no_carriageway_incursion',
    traffic_management_type: a.trafficManagementType,
    traffic_management_type_string: label(a.trafficManagementType),
    collaborative_working: a.collaborativeWorking,
    additional_info: '',
    cancelled: a.cancelled,
    cancelled_reason: a.cancelledReason,
    ha_organisation_name: orgName(a.haSwa),
    date_created: a.dateCreated,
  };
}

export function activityResponse(state: SandboxState, a: ActivityRecord): Record<string, unknown> {
  const street = streetOf(state, a);
  return {
    activity_reference_number: a.reference,
    usrn: a.usrn,
    street_name: street.name,
    town: street.town,
    area_name: street.area,
    road_category: street.roadCategory,
    activity_coordinates: a.geometry,
    activity_name: a.name,
    activity_activity_type: a.activityType,
    activity_activity_type_string: label(a.activityType),
    activity_type_details: null,
    contact_name: a.contactName,
    contact_details: null,
    start_date: a.start,
    start_time: null,
    end_date: a.end,
    end_time: null,
    location_types: a.locationTypes,
    location_types_string: a.locationTypes.map(label),
    activity_location_description: a.locationDescription,
    traffic_management_type: a.trafficManagementType,
    traffic_management_type_string: label(a.trafficManagementType),
    collaborative_working: a.collaborativeWorking,
    additional_info: null,
    cancelled: a.cancelled,
    cancelled_reason: a.cancelledReason,
    highway_authority_swa_code: a.haSwa,
  };
}

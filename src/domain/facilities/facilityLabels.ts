import type { Facility, FacilityType, HospitalLevel } from './facility.ts';

export const facilityTypeLabel: Record<FacilityType, string> = {
  hospital: '医院',
  community_health_center: '社区卫生服务中心',
  township_health_center: '乡镇卫生院',
  village_clinic: '村卫生室',
  retail_pharmacy: '零售药店',
  post_office_pharmacy: '医邮合作药房',
};

export const hospitalLevelLabel: Record<HospitalLevel, string> = {
  tertiary: '三级医院',
  secondary: '二级医院',
  primary: '一级医院',
};

/** For a hospital the level says more than "医院" (citizens choose by 三级/二级), so it wins. */
export function facilityKindLabel(f: Pick<Facility, 'type' | 'level'>): string {
  return f.type === 'hospital' && f.level ? hospitalLevelLabel[f.level] : facilityTypeLabel[f.type];
}

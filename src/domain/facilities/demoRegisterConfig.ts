import type { HospitalLevel, OpeningHours } from './facility.ts';

/** Fixed inputs of the demo register (see demoRegister.ts for the naming rule). */

export const demoRegisterSeed = 20261124;
export const demoPhonePrefix = '0798-00';

export interface CountySetup {
  seat: { lat: number; lng: number };
  /** Offsets (degrees) from the seat within which rural townships are placed. */
  latRange: [number, number];
  lngRange: [number, number];
  /** Township whose seat is the county seat (浮梁镇); streets are always at the seat. */
  seatTownship?: string;
  /** Pharmacies per urban street; rural townships get fewer (see pharmacyCount). */
  streetPharmacies: [number, number];
  /** 医邮合作药房 only exist where the post office runs them: the rural counties. */
  postOfficePharmacies: number;
  hospitals: { name: string; level: HospitalLevel }[];
}

// Approximate real geography: 浮梁县 wraps the city to the north and east, 乐平市 lies south-west, 昌江区 west.
export const counties: Record<string, CountySetup> = {
  '360202': {
    seat: { lat: 29.33, lng: 117.15 },
    latRange: [-0.08, 0.1],
    lngRange: [-0.16, -0.03],
    streetPharmacies: [4, 6],
    postOfficePharmacies: 0,
    hospitals: [
      { name: '{city}示例第三人民医院', level: 'tertiary' },
      { name: '{county}示例人民医院', level: 'secondary' },
      { name: '{county}示例妇幼保健院', level: 'secondary' },
    ],
  },
  '360203': {
    seat: { lat: 29.3, lng: 117.205 },
    latRange: [-0.02, 0.02],
    lngRange: [-0.02, 0.02],
    streetPharmacies: [6, 10],
    postOfficePharmacies: 0,
    hospitals: [
      { name: '{city}示例第一人民医院', level: 'tertiary' },
      { name: '{city}示例第二人民医院', level: 'tertiary' },
      { name: '{city}示例中医医院', level: 'tertiary' },
      { name: '{city}示例妇幼保健院', level: 'secondary' },
      { name: '{county}示例人民医院', level: 'secondary' },
      { name: '{county}示例妇幼保健院', level: 'secondary' },
    ],
  },
  '360222': {
    seat: { lat: 29.36, lng: 117.215 },
    latRange: [0.02, 0.35],
    lngRange: [-0.02, 0.35],
    seatTownship: '360222100',
    streetPharmacies: [6, 10],
    postOfficePharmacies: 2,
    hospitals: [
      { name: '{county}示例人民医院', level: 'secondary' },
      { name: '{county}示例中医院', level: 'secondary' },
      { name: '{county}示例妇幼保健院', level: 'secondary' },
    ],
  },
  '360281': {
    seat: { lat: 28.965, lng: 117.13 },
    latRange: [-0.25, 0.25],
    lngRange: [-0.25, 0.25],
    streetPharmacies: [6, 10],
    postOfficePharmacies: 2,
    hospitals: [
      { name: '{county}示例人民医院', level: 'tertiary' },
      { name: '{county}示例第二人民医院', level: 'secondary' },
      { name: '{county}示例中医院', level: 'secondary' },
      { name: '{county}示例妇幼保健院', level: 'secondary' },
    ],
  },
};

export type TownshipKind = 'street' | 'town' | 'xiang' | 'other';
/** The last three digits of a statistical township code say what it is: 0xx 街道, 1xx 镇, 2xx–3xx 乡, 4xx+ 园区/农场. */
export function townshipKind(code: string): TownshipKind {
  const n = Number(code.slice(6));
  return n < 100 ? 'street' : n < 200 ? 'town' : n < 400 ? 'xiang' : 'other';
}

export const brands = ['示例康民大药房', '示例安心大药房', '示例惠民药店', '示例和顺大药房', '示例益寿堂药房'];
export const roads = ['示例路', '示例一路', '示例二路', '示例东路', '示例西路', '示例南路', '示例北路', '示例中路'];
export const ordinals = ['', '二', '三', '四', '五', '六', '七', '八', '九'];
const allWeek = [1, 2, 3, 4, 5, 6, 0];
const monToSat = [1, 2, 3, 4, 5, 6];
const ranges = (days: number[], open: string, close: string) => days.map((day) => ({ day, open, close }));

export const hoursFor = {
  hospital: (): OpeningHours => ({
    days: [...ranges([1, 2, 3, 4, 5], '08:00', '17:30'), ...ranges([6, 0], '08:00', '12:00')],
    allDay: true,
    note: '急诊24小时',
  }),
  primaryCare: (): OpeningHours => ({ days: ranges(monToSat, '08:00', '17:30'), allDay: false, note: null }),
  village: (): OpeningHours => ({
    days: [...ranges(monToSat, '08:00', '12:00'), ...ranges(monToSat, '14:30', '17:30')],
    allDay: false,
    note: '村医出诊时可能暂停接诊',
  }),
  pharmacy: (): OpeningHours => ({ days: ranges(allWeek, '08:00', '22:00'), allDay: false, note: null }),
  pharmacy24h: (): OpeningHours => ({ days: ranges(allWeek, '00:00', '24:00'), allDay: true, note: '24小时营业' }),
  postOffice: (): OpeningHours => ({ days: ranges(monToSat, '08:30', '17:00'), allDay: false, note: null }),
};

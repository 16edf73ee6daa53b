export {
  parseAdminUnits2025,
  unitKindFromName,
  unitKey,
  AdminUnitsParseError,
  type AdminUnits2025,
  type UnitSeed,
  type UnitMerge,
  type UnitLevel,
  type UnitKind,
} from './admin-units.ts';

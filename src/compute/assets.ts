// 十二（三）国有资产占用使用情况: the assets as given, vehicles summed, and where the data gives it
// the 资产原值 by class with each class's share.
import type { DisclosureData } from '../model.js';
import { percent, sum } from './money.js';

export function assetsView(data: DisclosureData) {
  const { original_value, ...assets } = data.assets;
  return {
    ...assets,
    /** Vehicles in all (一般公务用车 + 执法执勤用车 + 其他车辆). */
    vehicleCount: assets.vehicles.general.count + assets.vehicles.law_enforcement.count + assets.vehicles.other.count,
    /** Value of all vehicles. */
    vehicleValue: sum(Object.values(assets.vehicles).map((v) => v.value)),
    /** 资产原值 (`assets.original_value`); null when not given. */
    original_value: original_value
      ? {
          /** 资产原值合计, as stated (check holds it to the sum of the classes). */
          total: original_value.total,
          /** Each class as typed, with its share of the total. */
          classes: original_value.classes.map((c) => ({
            /** The class's name, as typed. */
            name: c.name,
            /** Its 原值. */
            value: c.value,
            /** Its share of the total, in percent; null when the total is zero. */
            share: percent(c.value, original_value.total),
          })),
        }
      : null,
  };
}

import type { Kysely } from 'kysely';

// 统一社会信用代码 and 医疗机构执业许可证登记号: what media, researchers and other government systems join a
// facility on (docs/api.md, "Standard codes"). Nullable: the demo register and many real ones lack them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('facilities').addColumn('credit_code', 'text').execute();
  await db.schema.alterTable('facilities').addColumn('licence_number', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('facilities').dropColumn('licence_number').execute();
  await db.schema.alterTable('facilities').dropColumn('credit_code').execute();
}

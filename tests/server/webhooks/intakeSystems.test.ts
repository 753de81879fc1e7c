import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { intakeClientOf } from '../../../src/server/reports/intakeExport.ts';
import { addEndpoint, intakeSystemsView, issueToken, revokeToken } from '../../../src/server/webhooks/intakeSystems.ts';
import { auditActions, openTestStore, seedAccount, signedIn } from '../staff/staffFixtures.ts';

let bed: Awaited<ReturnType<typeof openTestStore>>;
beforeAll(async () => {
  bed = await openTestStore();
  await seedAccount(bed.store, 'admin.city', '3602', ['admin']);
  await seedAccount(bed.store, 'intake.city', '3602', ['intake']);
});
afterAll(async () => {
  await bed.close();
});

describe('intake systems (admin)', () => {
  test('an admin issues and revokes a token and adds an endpoint, each audited; the view never shows secrets', async () => {
    const admin = await signedIn(bed.store, 'admin.city');
    const { id, token } = await issueToken(bed, admin, '省监测平台', false);
    expect(await intakeClientOf(bed.store, `Bearer ${token}`)).toMatchObject({ name: '省监测平台', allowPersonal: false });
    await revokeToken(bed, admin, id);
    expect(await intakeClientOf(bed.store, `Bearer ${token}`)).toBeUndefined();
    const { secret } = await addEndpoint(bed, admin, '省平台推送', 'https://example.gov.cn/hook');
    expect(secret).toMatch(/^whsec_/);
    expect((await auditActions(bed.store)).slice(-3)).toEqual(['intake_token.issue', 'intake_token.revoke', 'webhook.add']);
    const view = JSON.stringify(await intakeSystemsView(bed));
    expect(view).not.toContain(token);
    expect(view).not.toContain(secret);
  });

  test('other roles are refused', async () => {
    const officer = await signedIn(bed.store, 'intake.city');
    await expect(issueToken(bed, officer, '私自签发', true)).rejects.toMatchObject({ code: 'missing_role' });
    await expect(addEndpoint(bed, officer, 'x', 'https://example.com/')).rejects.toMatchObject({ code: 'missing_role' });
  });
});

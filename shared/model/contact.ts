import { z } from 'zod';
import { Side } from './action';
import { RecordBase } from './record';

export const MembershipRole = z.enum(['convenor', 'member', 'secretary']);

/** An official or partner of either side (通訊錄). */
export const Contact = RecordBase.extend({
  name: z.string().min(1, 'validation.required').max(200, 'validation.tooLong'),
  title: z.string().max(200, 'validation.tooLong'),
  organisation: z.string().max(300, 'validation.tooLong'),
  side: Side.or(z.literal('other')),
  email: z.string().max(320, 'validation.tooLong'),
  phone: z.string().max(60, 'validation.tooLong'),
  memberships: z.array(z.object({ subGroupId: z.uuid(), role: MembershipRole })),
});
export type Contact = z.infer<typeof Contact>;

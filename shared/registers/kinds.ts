import { z } from 'zod';

/**
 * Every register the app keeps. A kind's name is also its store collection and its contract
 * namespace (`window.hetao.<kind>`), so one word names it everywhere.
 */
export const RegisterKind = z.enum(['spaceUnits', 'tenants', 'policyMeasures', 'fundedProjects', 'promotionEvents']);
export type RegisterKind = z.infer<typeof RegisterKind>;
export const registerKinds = RegisterKind.options;

/** The registers each sub-group of the arrangement keeps (第二條), by its seeded code. */
const defaultsByCode: Record<string, RegisterKind[]> = {
  SP: ['spaceUnits', 'tenants'],
  JP: ['policyMeasures', 'fundedProjects'],
  PR: ['promotionEvents'],
};

export function defaultRegistersFor(code: string): RegisterKind[] {
  return defaultsByCode[code] ?? [];
}

/**
 * The registers shown in a sub-group's tab: its own choice once made, otherwise its code's default, so
 * data from before registers existed (no `registers` field) shows the arrangement's registers.
 */
export function attachedRegisters(subGroup: { code: string; registers?: RegisterKind[] | null }): RegisterKind[] {
  return subGroup.registers ?? defaultRegistersFor(subGroup.code);
}

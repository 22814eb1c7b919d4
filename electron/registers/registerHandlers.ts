import type { RegisterImport } from './registerImport';
import type { RegisterService, StoredRegister } from './registerService';

/** A register's contract namespace (shared/registers/contract.ts), served by its service and import. */
export function registerHandlers<K extends StoredRegister, F>(service: RegisterService<K, F>, imports: RegisterImport<K, F>) {
  return {
    list: async (page?: { offset: number; limit: number }) => {
      const all = service.list().sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
      return page ? all.slice(page.offset, page.offset + page.limit) : all;
    },
    get: async ({ id }: { id: string }) => service.get(id),
    create: ({ fields }: { fields: F }) => service.create(fields),
    update: ({ id, revision, fields }: { id: string; revision: number; fields: F }) => service.update(id, revision, fields),
    delete: ({ id }: { id: string }) => service.delete(id),
    restore: ({ id }: { id: string }) => service.restore(id),
    importOpen: () => imports.importOpen(),
    importRemap: ({ token, mapping }: { token: string; mapping: Array<string | null> }) => imports.importRemap(token, mapping),
    importCommit: ({ token }: { token: string }) => imports.importCommit(token),
  };
}

/**
 * The registers framework: the sub-groups' own working files (第二條), each a list of records with
 * create, edit (revision-checked), soft delete and restore, sort, filter, search in either script, and
 * import from the officials' CSV/XLSX sheets (column mapping remembered, preview, every bad row named,
 * nothing written until accepted, a natural key so the same sheet twice adds nothing).
 *
 * To add a register (say `widgets`):
 * 1. shared/registers/kinds.ts: add 'widgets' to RegisterKind (and to a seeded code's defaults if the
 *    arrangement gives it to a sub-group). The kind is also the collection and the contract namespace.
 * 2. shared/model/registers/widget.ts: `Widget = RecordBase.extend(shape)`, `WidgetFields` (zod, with
 *    validation.* messages) and `widgetRegister: RegisterDefinition` (columns and their header words,
 *    readRow, naturalKey, searchTexts, label, toFields). Strings in shared/i18n/locales/<feature>.json
 *    under `registers.widgets` (`fields.<field>` labels are also recognised as sheet headers).
 * 3. Store: `widgets: Widget` in shared/model/dataset.ts collectionSchemas, a shard count in
 *    electron/store/layout.ts. No schema-version bump: a new collection starts empty.
 * 4. Bridge: `widgets: registerMethods(Widget, WidgetFields)` in shared/ipc/contract.ts and
 *    `widgets: registerChannels` in shared/ipc/channels.ts.
 * 5. Main: in electron/backend/openBackend.ts, `const widgets = new RegisterService(store, widgetRegister, …)`
 *    (pass `check` for rules that look at other records) and
 *    `widgets: registerHandlers(widgets, new RegisterImport({ service: widgets, … }))`.
 * 6. Renderer: a panel built from renderer/registers/ (RegisterPanel, useRegisterPanelState, RegisterTable,
 *    RecordDrawer, ImportWizard; SpaceUnitsPanel is the example) and ONE entry in the `items` of
 *    renderer/subGroups/SubGroupTab.tsx via `registerSection`, shown where the register is attached.
 */
export { RegisterKind, registerKinds, attachedRegisters, defaultRegistersFor } from './kinds';
export type { RegisterDefinition, AnyRegisterDefinition, ImportColumn, ReadRow } from './definition';
export { registerMethods } from './contract';
export { registerChannels } from './channels';
export { RegisterImportPreview, RegisterImportResult, PreviewRow, RowError } from './importTypes';
export { applyQuery, indexRecords, emptyQuery, type RegisterQuery, type Indexed } from './query';
export * from './cells';

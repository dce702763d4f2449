/** What the row menu, the keyboard and the bulk bar can ask for. */
export type RowActionKind = 'deploy' | 'force-deploy' | 'scale' | 'start' | 'stop' | 'restart' | 'remove';

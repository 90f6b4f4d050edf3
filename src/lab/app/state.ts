/** The app's in-memory data, one per app instance (no module-level state). */
export interface Task { id: number; title: string; done: boolean }
export interface Approval { id: number; subject: string; state: 'pending' | 'approved' }

export interface AppState {
  tasks: Task[];
  approvals: Approval[];
  nextId: number;
  tokens: Set<string>;
  loginAttempts: Map<string, number[]>;
}

export function seedState(): AppState {
  const tasks = Array.from({ length: 25 }, (_, i) => ({ id: i + 1, title: `Task ${i + 1}`, done: i % 3 === 0 }));
  return {
    tasks,
    approvals: [{ id: 1, subject: 'Invoice #1042', state: 'pending' }, { id: 2, subject: 'Refund #77', state: 'pending' }],
    nextId: tasks.length + 1,
    tokens: new Set(),
    loginAttempts: new Map(),
  };
}

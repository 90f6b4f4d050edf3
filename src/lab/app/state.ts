/** The app's in-memory data, one per app instance (no module-level state); `reset()` reseeds it. */
export interface Task { id: number; title: string; done: boolean; updatedAt: string; version: number }
export interface Approval { id: number; subject: string; amount: number; state: 'pending' | 'approved'; approvedAt?: string }
export interface User { email: string; name: string; role: 'admin' | 'member' }

export interface AppState {
  tasks: Task[];
  approvals: Approval[];
  users: User[];
  nextTaskId: number;
  /** Monotonic change counter: `/api/sync?since=n` returns tasks changed after version n. */
  version: number;
  /** Bearer token → e-mail of the signed-in user. */
  tokens: Map<string, string>;
  /** Login attempts per rate-limit key in the current one-minute window. */
  loginWindows: Map<string, { start: number; count: number }>;
  /** Search requests per bearer token in the current one-second window (`GET /api/tasks/search`). */
  searchWindows: Map<string, { second: number; count: number }>;
  /** Report exports queued by `fixed` (`POST /api/reports/export` → `GET /api/jobs/<id>`). */
  jobs: Map<string, ExportJob>;
  nextJobId: number;
  /** When the fake edge first served each static asset: later reads are cache hits with an `Age`. */
  edgeCache: Map<string, number>;
}

export interface ExportJob { id: string; format: string; queuedAt: string; user: string }

/** Hundreds of rows, so an unpaginated list is visibly unbounded. */
const SEEDED_TASKS = 250;

export function seedState(now: Date): AppState {
  const at = now.toISOString();
  const tasks = Array.from({ length: SEEDED_TASKS }, (_, i): Task => ({
    id: i + 1, title: `Task ${i + 1}`, done: i % 3 === 0, updatedAt: at, version: i + 1,
  }));
  return {
    tasks,
    approvals: [
      { id: 1, subject: 'Invoice #1042', amount: 1200, state: 'pending' },
      { id: 2, subject: 'Refund #77', amount: 80, state: 'pending' },
      { id: 3, subject: 'Vendor onboarding: Globex', amount: 0, state: 'pending' },
    ],
    users: [
      { email: 'a@acme.test', name: 'Ada Admin', role: 'admin' },
      { email: 'b@acme.test', name: 'Bo Member', role: 'member' },
      { email: 'c@acme.test', name: 'Cy Member', role: 'member' },
    ],
    nextTaskId: SEEDED_TASKS + 1,
    version: SEEDED_TASKS,
    tokens: new Map(),
    loginWindows: new Map(),
    searchWindows: new Map(),
    jobs: new Map(),
    nextJobId: 1,
    edgeCache: new Map(),
  };
}

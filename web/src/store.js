// What survives a reload: settings, the conversation history and the metrics timeline (localStorage,
// one versioned key). Storage can be full or disabled: then the app simply does not persist.
const KEY = 'kimi.session.v1';
const MAX_HISTORY = 50;

function empty() {
  return { settings: { expert: '', consensus: false }, history: [], timeline: { t: [], hit: [], p50: [], p95: [] } };
}

export class SessionStore {
  constructor(storage = globalThis.localStorage) {
    this.storage = storage;
    this.data = empty();
    try {
      const saved = JSON.parse(storage.getItem(KEY) ?? 'null');
      if (saved && Array.isArray(saved.history) && saved.settings && saved.timeline) this.data = { ...empty(), ...saved };
    } catch {
      // unreadable or absent: start empty
    }
  }

  save() {
    try {
      this.storage.setItem(KEY, JSON.stringify(this.data));
    } catch {
      // quota exceeded or storage disabled: keep working without persistence
    }
  }

  addExchange(entry) {
    this.data.history.push(entry);
    if (this.data.history.length > MAX_HISTORY) this.data.history.splice(0, this.data.history.length - MAX_HISTORY);
    this.save();
  }

  clear() {
    this.data = empty();
    try {
      this.storage.removeItem(KEY);
    } catch {
      // nothing stored
    }
  }
}

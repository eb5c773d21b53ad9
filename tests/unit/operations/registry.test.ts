import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../../bot/domain/types.js';
import { OPERATIONS as MODULES } from '../../../bot/operations/index.js';
import { OPERATION_SPECS } from '../../../bot/operations/registry.js';

describe('OPERATION_SPECS (pins the registered set)', () => {
  it('registers exactly search, get, create and update', () => {
    expect(Object.keys(OPERATION_SPECS).sort()).toEqual(['create', 'get', 'search', 'update']);
    expect(Object.keys(OPERATION_SPECS).sort()).toEqual([...OPERATIONS].sort());
  });

  it('pins the risk flags', () => {
    const flags = Object.fromEntries(
      Object.values(OPERATION_SPECS).map((s) => [
        s.name,
        { readOnly: s.readOnly, destructive: s.destructive, requiresSpace: s.requiresSpace },
      ]),
    );
    expect(flags).toEqual({
      search: { readOnly: true, destructive: false, requiresSpace: false },
      get: { readOnly: true, destructive: false, requiresSpace: true },
      create: { readOnly: false, destructive: false, requiresSpace: true },
      update: { readOnly: false, destructive: true, requiresSpace: true },
    });
  });

  it('each entry is keyed by its own name, described, and consistent (destructive ⇒ not readOnly)', () => {
    for (const [key, spec] of Object.entries(OPERATION_SPECS)) {
      expect(spec.name).toBe(key);
      expect(spec.description.length).toBeGreaterThan(10);
      if (spec.destructive) expect(spec.readOnly).toBe(false);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(OPERATION_SPECS)).toBe(true);
  });
});

describe('OPERATIONS (one module per operation, run by the pipeline)', () => {
  it('registers exactly one module per spec, each carrying its own spec', () => {
    expect(Object.keys(MODULES).sort()).toEqual(Object.keys(OPERATION_SPECS).sort());
    for (const [name, module] of Object.entries(MODULES)) {
      expect(module.spec).toBe(OPERATION_SPECS[name as keyof typeof OPERATION_SPECS]);
    }
  });

  it('reads are read modules and writes are write modules, as the specs say', () => {
    for (const module of Object.values(MODULES)) {
      expect(module.kind).toBe(module.spec.readOnly ? 'read' : 'write');
      expect(typeof module.plan).toBe('function');
      expect(typeof module.execute).toBe('function');
      expect(typeof module.present).toBe('function');
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(MODULES)).toBe(true);
  });
});

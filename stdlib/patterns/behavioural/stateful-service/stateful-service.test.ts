import { test } from "node:test";
import assert from "node:assert/strict";
import { statefulService } from "../../../index.js";
import { expand, find } from "../../../../test/support/patterns/foundational.js";


test("statefulService volumeRetention becomes the claim retention policy", () => {
  const s = statefulService({ name: "db", image: "db:1", port: { name: "db", containerPort: 5432 }, volumeRetention: { whenDeleted: "Delete" } });
  assert.deepEqual(find(expand(s), "StatefulSet", "db").spec.persistentVolumeClaimRetentionPolicy, { whenDeleted: "Delete" });
});


import { release, unchecked } from "tkc";

// Copied from an old chart: autoscaling/v2beta2 is gone since Kubernetes 1.26.
const autoscaler = unchecked({
  apiVersion: "autoscaling/v2beta2",
  kind: "HorizontalPodAutoscaler",
  metadata: { name: "api" },
  spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "api" }, minReplicas: 2, maxReplicas: 5 },
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [autoscaler] });

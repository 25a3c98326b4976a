// mailer: imported by `tkc import yaml` from shop/worker.yaml
import { raw } from "tkc";

const mailerImage = "ghcr.io/acme/mailer:1.0.3";
const selectorLabels = { app: "mailer" };

export const mailerDeployment = raw({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "mailer" },
  spec: {
    selector: { matchLabels: selectorLabels },
    template: {
      metadata: { labels: selectorLabels },
      spec: {
        containers: [
          {
            name: "mailer",
            image: mailerImage,
            securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false },
          },
        ],
      },
    },
  },
});

export const mailerDigestCronJob = raw({
  apiVersion: "batch/v1",
  kind: "CronJob",
  metadata: { name: "mailer-digest" },
  spec: {
    schedule: "0 6 * * *",
    jobTemplate: {
      spec: {
        template: {
          spec: {
            restartPolicy: "OnFailure",
            containers: [{ name: "digest", image: mailerImage, args: ["digest"] }],
          },
        },
      },
    },
  },
});

export default [mailerDeployment, mailerDigestCronJob];

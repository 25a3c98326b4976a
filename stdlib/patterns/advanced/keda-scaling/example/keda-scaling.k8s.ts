import { forEnv, kedaScaling, perEnv, release, worker } from "tkc";

// Queue-driven workers with KEDA. The order consumer follows the length of a Redis list (about
// 20 orders per pod) and scales to zero in dev when the list is empty; the invoice renderer
// follows a RabbitMQ queue, whose connection string KEDA reads through a TriggerAuthentication
// managed with the broker's credentials. KEDA creates the HorizontalPodAutoscalers itself.
const orders = worker({
  name: "orders-worker",
  image: "registry.example.com/shop/worker:2.4.0",
  args: ["--queue", "orders"],
  resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
  patterns: [
    kedaScaling({
      min: perEnv({ dev: 0, prod: 2 }),
      max: perEnv({ dev: 2, prod: 30 }),
      cooldownPeriod: perEnv({ dev: 120, prod: 600 }),
      // KEDA's operator runs in its own namespace, so the address is fully qualified.
      triggers: forEnv((env) => [{ type: "redis", metadata: { address: `redis.${env.namespace}.svc:6379`, listName: "orders", listLength: "20" } }]),
    }),
  ],
});

const invoices = worker({
  name: "invoice-renderer",
  image: "registry.example.com/shop/invoices:1.4.2",
  resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "1Gi" } },
  patterns: [
    kedaScaling({
      min: 1,
      max: perEnv({ dev: 2, prod: 10 }),
      fallbackReplicas: 2,
      triggers: [
        {
          type: "rabbitmq",
          metadata: { protocol: "amqp", queueName: "invoices", mode: "QueueLength", value: "50" },
          authenticationRef: { name: "rabbitmq-connection" },
        },
      ],
    }),
  ],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [orders, invoices],
});

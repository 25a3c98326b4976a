// Configuration patterns (docs/patterns.md): environment variables, files, templates, secrets.
export { envFrom, type EnvFromOptions, type EnvVarsSource, type EnvSource } from "./env-config/env-config.js";
export { configFiles, configEnv, secretFiles, type ConfigFilesOptions, type ConfigEnvOptions, type SecretFilesOptions } from "./config-resource/config-resource.js";
export { configTemplate, type ConfigTemplateOptions } from "./config-template/config-template.js";
export { plainSecret, externalSecret, sealedSecret, type PlainSecretOptions, type ExternalSecretOptions, type SealedSecretOptions, type RemoteRef } from "./secrets/secrets.js";

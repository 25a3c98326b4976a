import type { SourceFile } from "./source.js";

/** `tkc.config.json`: every field optional. */
export interface ProjectConfig {
  /** Root descriptor whose default export is the release. @default "release.k8s.ts" */
  readonly entry: string;
  /** Target Kubernetes version. @default the default of schemas/kube-versions.json */
  readonly kubeVersion: string;
  /** Where bundles are written, relative to the project (and inside it). @default "out" */
  readonly outDir: string;
  /** Refuse new content under a version already released (TKC4001) instead of recording it with a note. @default false */
  readonly strictVersion?: boolean;
  /** Folders of imported CRD schemas (`tkc import crd`), relative to the project. @default ["crds"], which may be absent */
  readonly crds?: readonly string[];
  /** Severity of policy findings (unpinned image tags, undeclared port names): what the API server does not enforce. @default "error" */
  readonly policy?: "error" | "warning";
}

/** A project as the load stage found it. */
export interface Project {
  /** Absolute project directory. */
  readonly dir: string;
  /** Absolute path of the root descriptor. */
  readonly entry: string;
  readonly config: ProjectConfig;
  /** Absolute path of the config file, if there is one. */
  readonly configFile?: string;
}

/** What the load stage hands on: the project, every source file it read, and its imported CRDs. */
export interface LoadedProject {
  readonly project: Project;
  /** The descriptors, the imported CRD schemas and the config, as read (absolute paths). */
  readonly sources: readonly SourceFile[];
  /** The imported CRD schemas among `sources` (`tkc import crd`); converted after the warm check. */
  readonly crdSchemas: readonly SourceFile[];
}

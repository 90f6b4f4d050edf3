/** The audit deliverables: risk list, deployment map, and the files an audit writes. */
export { renderRiskList } from './risk-list.js';
export { buildDeploymentMap, renderDeploymentMapMarkdown, type DeploymentMapData } from './deployment-map.js';
export { deploymentMapMermaid, createIdAllocator, mermaidText, MERMAID_ID } from './deployment-map-mermaid.js';
export { deploymentRows, type DeploymentRow } from './deployment-facts.js';
export {
  DELIVERABLE_FILES,
  nodeWriter,
  writeDeliverables,
  type DeliverableOptions,
  type DeliverableWriter,
} from './write.js';

import type { ConnectorInfo } from '../../connectors/connector-store.js';
import { AppError } from '../../errors.js';
import type { Turn } from '../turn.js';

/** The connector a command names, else the channel's; AppError CONNECTOR_NOT_FOUND when there is none. */
export function namedConnector(turn: Turn, name: string | undefined): ConnectorInfo {
  const connectorName = name ?? turn.channel().connector?.name;
  const connector = connectorName ? turn.deps.connectors.get(connectorName) : undefined;
  if (!connector) throw new AppError('CONNECTOR_NOT_FOUND');
  return connector;
}

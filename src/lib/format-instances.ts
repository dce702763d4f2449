/**
 * Instance counts as an operator reads them. With the daemon strategy `instances` is a
 * per-node number, so "5/1" (what `kontena service ls` prints) would look broken.
 */
export function formatInstanceRatio(running: number, instances: number, strategy: string): string {
  return strategy === 'daemon' ? `${running} running · ${instances} per node` : `${running}/${instances} running`;
}

export function formatInstanceSummary(running: number, instances: number, strategy: string): string {
  return strategy === 'daemon' ? `${running} running · ${instances} per node (daemon)` : `${running} running · ${instances} desired`;
}

// The preload bridge: one function per call in the contract, each forwarding
// its arguments to main and returning main's envelope. Nothing else reaches
// the page: no ipcRenderer, no event objects, no Node.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, CALL_NAMES, type Bridge } from '../contract/api';

const bridge = Object.freeze(
  Object.fromEntries(
    CALL_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(name, args)]),
  ),
) as unknown as Bridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);

/**
 * `npm run test:syncthing`: two offices exchanging without anyone carrying files. Starts two
 * Syncthing instances (Debian's /usr/bin/syncthing) on 127.0.0.1 only — own temp homes, GUI/REST on
 * random local ports, no global or local discovery, no relays, no NAT, no usage reporting — sharing
 * one folder pair, and two real backends whose exchange folders are those folders. Hong Kong
 * prepares a package into its folder; Syncthing carries it; Shenzhen's scan finds it and opens it.
 * Bounded: gives up after two minutes. Its own command, not part of npm test: two sync daemons on
 * a 2-core machine shared by the whole suite cannot promise the suite's timing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { FolderState, OpenResult, PrepareResult } from '../shared/exchange/types';
import type { Action } from '../shared/model/action';
import type { SubGroup } from '../shared/model/subGroup';
import { enrol, openLaptop, type Laptop } from '../tests/bench/exchange/laptop';

const SYNCTHING = '/usr/bin/syncthing';
const DEADLINE_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Node {
  home: string;
  folder: string;
  deviceId: string;
  port: number;
  guiPort: number;
  process?: ChildProcess;
}

async function node(root: string, name: string): Promise<Node> {
  const home = path.join(root, `${name}-home`);
  const folder = path.join(root, `${name}-exchange`);
  await mkdir(folder, { recursive: true });
  const generated = spawnSync(SYNCTHING, ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'], { encoding: 'utf8' });
  // It tells the device id on one stream and its log on the other, depending on the version.
  const out = `${generated.stdout}\n${generated.stderr}`;
  const deviceId = /Device ID: (\S+)/.exec(out)?.[1];
  if (!deviceId) throw new Error(`no device id from syncthing generate: ${out}`);
  return { home, folder, deviceId, port: await freePort(), guiPort: await freePort() };
}

function config(self: Node, other: Node, apiKey: string): string {
  return `<configuration version="36">
    <folder id="hetao-exchange" label="exchange" path="${self.folder}" type="sendreceive" rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1">
        <device id="${self.deviceId}"></device>
        <device id="${other.deviceId}"></device>
    </folder>
    <device id="${self.deviceId}" name="self"><address>dynamic</address></device>
    <device id="${other.deviceId}" name="other"><address>tcp://127.0.0.1:${other.port}</address></device>
    <gui enabled="true" tls="false"><address>127.0.0.1:${self.guiPort}</address><apikey>${apiKey}</apikey></gui>
    <options>
        <listenAddress>tcp://127.0.0.1:${self.port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <startBrowser>false</startBrowser>
    </options>
</configuration>
`;
}

/** An installation on `dataDir`, set up, with `folder` as its exchange folder. */
async function laptop(dataDir: string, side: 'HK' | 'SZ', folder: string): Promise<Laptop> {
  const opened = await openLaptop(dataDir, side);
  opened.dialogs.answerNextFolder(folder);
  await opened.value('exchange.chooseFolder');
  return opened;
}

async function until<T>(what: string, probe: () => Promise<T | null>, deadline: number): Promise<T> {
  while (Date.now() < deadline) {
    const found = await probe();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function main(): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  const root = await mkdtemp(path.join(tmpdir(), 'hetao-syncthing-'));
  const nodes: Node[] = [];
  const laptops: Laptop[] = [];
  try {
    const [a, b] = [await node(root, 'hk'), await node(root, 'sz')];
    nodes.push(a!, b!);
    for (const [self, other] of [[a!, b!], [b!, a!]] as const) {
      await writeFile(path.join(self.home, 'config.xml'), config(self, other, randomUUID()));
      self.process = spawn(SYNCTHING, ['serve', `--home=${self.home}`, '--no-browser', '--no-restart', '--no-upgrade'], {
        stdio: 'ignore',
        env: { ...process.env, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1' },
      });
    }
    const hk = await laptop(path.join(root, 'hk-data'), 'HK', a!.folder);
    const sz = await laptop(path.join(root, 'sz-data'), 'SZ', b!.folder);
    laptops.push(hk, sz);
    await enrol(hk, sz, root);
    await enrol(sz, hk, root);

    const [subGroup] = await hk.value<SubGroup[]>('subGroups.list');
    const action = await hk.value<Action>('actions.create', {
      subGroupId: subGroup!.id,
      fields: { title: '經 Syncthing 交換', description: '', ownerSide: 'HK', leads: [], officerIds: [], dueDate: null, priority: 'normal', clauses: [] },
    });
    const sent = await hk.value<PrepareResult>('exchange.prepare', { peerIds: [sz.identity.id], toFolder: true });
    console.log(`Hong Kong wrote ${sent.fileName} into its exchange folder`);
    const found = await until(
      'the package in Shenzhen’s folder',
      async () => (await sz.value<FolderState>('exchange.folder')).found.find((f) => f.packageId === sent.packageId && f.status === 'new') ?? null,
      deadline,
    );
    const opened = await sz.value<OpenResult>('exchange.open', { source: { kind: 'found', packageId: found.packageId } });
    const there = await sz.value<Action>('actions.get', { id: action.id });
    if (there.title !== action.title) throw new Error('Shenzhen does not have the action');
    console.log(`Shenzhen found it through Syncthing and opened it: ${opened.changedRecords} records, "${there.title}"`);

    // And back: Shenzhen's note reaches Hong Kong the same way.
    await sz.value('actions.addProgress', { id: action.id, note: '深方已收到', status: null, byContactId: null });
    const back = await sz.value<PrepareResult>('exchange.prepare', { peerIds: [hk.identity.id], toFolder: true });
    await until('the reply in Hong Kong’s folder', async () => (await hk.value<FolderState>('exchange.folder')).found.find((f) => f.packageId === back.packageId && f.status === 'new') ?? null, deadline);
    await hk.value('exchange.open', { source: { kind: 'found', packageId: back.packageId } });
    const home = await hk.value<Action>('actions.get', { id: action.id });
    if (!home.progress.some((p) => p.note === '深方已收到')) throw new Error('Hong Kong does not have the note');
    console.log('Hong Kong has Shenzhen’s note: the folder pair carried packages both ways.');
  } finally {
    for (const laptop of laptops) await laptop.backend.close();
    for (const n of nodes) n.process?.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await rm(root, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

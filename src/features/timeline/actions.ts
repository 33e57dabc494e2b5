import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { CommandId } from '../../commands';
import type { TimelineGrouping } from '../../core/timeline';
import { activePicture, type PicturePanel } from './panel';

const GROUPINGS: ReadonlyArray<{ label: TimelineGrouping; detail: string }> = [
  { label: 'type', detail: 'A lane per fact label, and one for dates' },
  { label: 'entity', detail: 'A lane per entity named' },
  { label: 'document', detail: 'A lane per article' },
];

/** The panel a picture command acts on, or a message saying there is none. */
function target(viewType?: string): PicturePanel<unknown> | undefined {
  const panel = activePicture(viewType);
  if (!panel) void vscode.window.showInformationMessage(`Factmark: open the ${viewType === 'factmark.timeline' ? 'timeline' : 'timeline or the map'} first (Factmark: Show Timeline, Show Map).`);
  return panel;
}

/** A file target passed by a caller (a keybinding's or a script's argument), if it is one. */
function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const t = (arg as { target?: unknown } | undefined)?.target;
  return typeof t === 'string' ? vscode.Uri.parse(t) : t instanceof vscode.Uri ? t : undefined;
}

/**
 * The buttons and choices of the picture panels as commands (VS Code's webview guidance: every
 * action also a command, so it can be found in the palette and bound to a key). They act on the
 * active picture panel, else on the one active last.
 */
export function registerPictureActions(commands: CommandManager): vscode.Disposable {
  const exporter = (format: 'svg' | 'png') => async (arg?: unknown) => {
    const panel = target();
    if (!panel) return undefined;
    const uri = await panel.export(format, uriOf(arg));
    if (uri) void vscode.window.setStatusBarMessage(`Factmark: saved the ${panel.kind.title.toLowerCase()} as ${vscode.workspace.asRelativePath(uri)}`, 5000);
    return uri;
  };
  return vscode.Disposable.from(
    commands.register({ id: CommandId.PictureExportSvg, execute: exporter('svg') }),
    commands.register({ id: CommandId.PictureExportPng, execute: exporter('png') }),
    commands.register({
      id: CommandId.PictureToggleWorkspace,
      execute: async () => {
        const panel = target();
        if (panel) await panel.showWorkspace(!panel.workspace);
      },
    }),
    commands.register({
      id: CommandId.TimelineFit,
      execute: async () => {
        await target('factmark.timeline')?.act({ type: 'fit' });
      },
    }),
    commands.register({ id: CommandId.TimelineGroupBy, execute: async (arg?: unknown) => {
      const panel = target('factmark.timeline');
      if (!panel) return;
      const given = (arg as { grouping?: unknown } | undefined)?.grouping;
      const grouping = GROUPINGS.find((g) => g.label === given)?.label ?? (await vscode.window.showQuickPick(GROUPINGS, { placeHolder: 'Group the timeline by' }))?.label;
      if (grouping) await panel.act({ type: 'group', grouping });
    } }),
  );
}

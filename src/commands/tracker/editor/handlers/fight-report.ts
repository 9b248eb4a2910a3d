// The alert settings' "Fight report" button: switches fight reports on or off and redraws the settings.
import { setFightReport } from '../../../../tracker-ops/fight-report.ts';
import { alertSettingsMessage } from '../alert-settings.ts';
import { editorComponent } from '../component.ts';

export const fightReportButton = editorComponent('fight', async (interaction, row, ctx) => {
  const change = await setFightReport(ctx, row, row.definition.fight_report !== true);
  await interaction.update(alertSettingsMessage(interaction, change.row, change.notice));
});

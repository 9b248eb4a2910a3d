// Discord's own limits, checked by the fake so a message or command the real API would reject
// with 400 "Invalid Form Body" fails in tests too (FACTS.md, "Discord").
import type { APIEmbed } from 'discord-api-types/v10';

const CUSTOM_ID_MAX = 100;

/** Problems with a message body (channel post, interaction reply, follow-up or edit). */
export function messageProblems(body: unknown, options: { fileCount: number; isEdit: boolean }): string[] {
  if (typeof body !== 'object' || body === null) {
    return options.isEdit || options.fileCount > 0 ? [] : ['Cannot send an empty message'];
  }
  const message = body as Record<string, unknown>;
  const problems: string[] = [];
  const content = typeof message.content === 'string' ? message.content : '';
  const embeds = Array.isArray(message.embeds) ? (message.embeds as APIEmbed[]) : [];
  const components = Array.isArray(message.components) ? message.components : [];
  if (
    !options.isEdit &&
    content === '' &&
    embeds.length === 0 &&
    components.length === 0 &&
    options.fileCount === 0 &&
    message.poll === undefined
  ) {
    problems.push('Cannot send an empty message');
  }
  if (content.length > 2000) problems.push(`content: ${content.length} characters, at most 2000`);
  if (embeds.length > 10) problems.push(`embeds: ${embeds.length}, at most 10`);
  let embedTotal = 0;
  embeds.forEach((embed, index) => {
    const at = `embeds[${index}]`;
    embedTotal += embedLength(embed);
    checkLength(problems, `${at}.title`, embed.title, 256);
    checkLength(problems, `${at}.description`, embed.description, 4096);
    checkLength(problems, `${at}.footer.text`, embed.footer?.text, 2048);
    checkLength(problems, `${at}.author.name`, embed.author?.name, 256);
    const fields = embed.fields ?? [];
    if (fields.length > 25) problems.push(`${at}.fields: ${fields.length}, at most 25`);
    fields.forEach((field, fieldIndex) => {
      checkLength(problems, `${at}.fields[${fieldIndex}].name`, field.name, 256);
      checkLength(problems, `${at}.fields[${fieldIndex}].value`, field.value, 1024);
      if (!field.name || !field.value)
        problems.push(`${at}.fields[${fieldIndex}]: name and value must not be empty`);
    });
  });
  if (embedTotal > 6000) problems.push(`embeds: ${embedTotal} characters in all, at most 6000`);
  problems.push(...componentProblems(components));
  return problems;
}

/** Action rows hold up to 5 buttons or one select; custom ids are 1-100 chars and unique. */
export function componentProblems(components: unknown[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (component: unknown, at: string) => {
    if (typeof component !== 'object' || component === null) return;
    const {
      custom_id: customId,
      components: children,
      options,
      component: child,
    } = component as Record<string, unknown>;
    if (typeof customId === 'string') {
      if (customId.length === 0 || customId.length > CUSTOM_ID_MAX) {
        problems.push(`${at}.custom_id: ${customId.length} characters, must be 1-${CUSTOM_ID_MAX}`);
      }
      if (seen.has(customId)) problems.push(`${at}.custom_id: "${customId}" is used twice`);
      seen.add(customId);
    }
    if (Array.isArray(options)) {
      if (options.length > 25) problems.push(`${at}.options: ${options.length}, at most 25`);
      options.forEach((option: { label?: string; value?: string; description?: string }, index) => {
        checkLength(problems, `${at}.options[${index}].label`, option.label, 100);
        checkLength(problems, `${at}.options[${index}].value`, option.value, 100);
        checkLength(problems, `${at}.options[${index}].description`, option.description, 100);
      });
    }
    if (Array.isArray(children)) {
      if ((component as { type?: number }).type === 1 && children.length > 5) {
        problems.push(`${at}.components: ${children.length}, at most 5 in an action row`);
      }
      for (const [index, inner] of children.entries()) visit(inner, `${at}.components[${index}]`);
    }
    if (child !== undefined) visit(child, `${at}.component`);
  };
  for (const [index, component] of components.entries()) visit(component, `components[${index}]`);
  return problems;
}

/** Autocomplete answers: at most 25 choices, name and value 1-100 characters. */
export function autocompleteProblems(data: unknown): string[] {
  const choices = (data as { choices?: unknown } | undefined)?.choices;
  if (!Array.isArray(choices)) return ['data.choices: missing'];
  const problems: string[] = [];
  if (choices.length > 25) problems.push(`data.choices: ${choices.length}, at most 25`);
  choices.forEach((choice: { name?: unknown; value?: unknown }, index) => {
    const name = typeof choice.name === 'string' ? choice.name : '';
    if (name.length < 1 || name.length > 100)
      problems.push(`data.choices[${index}].name: must be 1-100 characters`);
    if (typeof choice.value === 'string' && (choice.value.length < 1 || choice.value.length > 100)) {
      problems.push(`data.choices[${index}].value: must be 1-100 characters`);
    }
  });
  return problems;
}

/** Modals: title 1-45 characters, custom id, 1-5 top-level components. */
export function modalProblems(data: unknown): string[] {
  const modal = (data ?? {}) as { title?: unknown; custom_id?: unknown; components?: unknown };
  const problems: string[] = [];
  const title = typeof modal.title === 'string' ? modal.title : '';
  if (title.length < 1 || title.length > 45) problems.push('data.title: must be 1-45 characters');
  if (
    typeof modal.custom_id !== 'string' ||
    modal.custom_id.length < 1 ||
    modal.custom_id.length > CUSTOM_ID_MAX
  ) {
    problems.push('data.custom_id: must be 1-100 characters');
  }
  const components = Array.isArray(modal.components) ? modal.components : [];
  if (components.length < 1 || components.length > 5) problems.push('data.components: must be 1-5');
  problems.push(...componentProblems(components));
  return problems;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Slash command definitions: names, descriptions, option and choice counts. */
export function commandProblems(commands: unknown): string[] {
  if (!Array.isArray(commands)) return ['body: must be an array of commands'];
  const problems: string[] = [];
  const names = new Set<string>();
  commands.forEach((command: Record<string, unknown>, index) => {
    const at = `${index}`;
    const chatInput = command.type === undefined || command.type === 1;
    if (chatInput) checkOption(problems, command, at, 0);
    else contextMenuProblems(problems, command, at);
    const name = String(command.name);
    if (names.has(name)) problems.push(`${at}.name: "${name}" registered twice`);
    names.add(name);
  });
  return problems;
}

/** User and message commands: a 1-32 character name (spaces and capitals allowed), no description or options. */
function contextMenuProblems(problems: string[], command: Record<string, unknown>, at: string): void {
  const name = typeof command.name === 'string' ? command.name : '';
  if (name.trim().length < 1 || name.length > 32) problems.push(`${at}.name: must be 1-32 characters`);
  if (command.description !== undefined && command.description !== '')
    problems.push(`${at}.description: must be empty for a context menu command`);
  if (command.options !== undefined) problems.push(`${at}.options: context menu commands take none`);
}

function checkOption(problems: string[], option: Record<string, unknown>, at: string, depth: number): void {
  const name = typeof option.name === 'string' ? option.name : '';
  if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
    problems.push(`${at}.name: "${name}" must be 1-32 lowercase letters, digits, - or _`);
  }
  const description = typeof option.description === 'string' ? option.description : '';
  if (description.length < 1 || description.length > 100) {
    problems.push(`${at}.description: must be 1-100 characters`);
  }
  const options = Array.isArray(option.options) ? (option.options as Array<Record<string, unknown>>) : [];
  if (options.length > 25) problems.push(`${at}.options: ${options.length}, at most 25`);
  const choices = Array.isArray(option.choices) ? option.choices : [];
  if (choices.length > 25) problems.push(`${at}.choices: ${choices.length}, at most 25`);
  if (depth > 3 || (depth > 1 && option.type === 2))
    problems.push(`${at}: subcommand groups nest one level only`);
  let seenOptional = false;
  options.forEach((inner, index) => {
    const innerAt = `${at}.options[${index}]`;
    if (inner.type !== 1 && inner.type !== 2) {
      if (inner.required === true && seenOptional)
        problems.push(`${innerAt}: required options must come first`);
      if (inner.required !== true) seenOptional = true;
    }
    checkOption(problems, inner, innerAt, depth + 1);
  });
}

function checkLength(problems: string[], at: string, value: string | undefined, max: number): void {
  if (value !== undefined && value.length > max)
    problems.push(`${at}: ${value.length} characters, at most ${max}`);
}

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/**
 * Shell completion, generated from the command definitions so it never goes stale:
 * commands, each command's options, and their fixed choices.
 */
import type { Command } from 'commander';

interface Spec {
  name: string;
  options: string[];
  choices: Record<string, string[]>;
}

function specs(program: Command): Spec[] {
  return program.commands.map((c) => ({
    name: c.name(),
    options: c.options
      .map((o) => o.long)
      .filter((x): x is string => x !== undefined)
      .concat('--help'),
    choices: Object.fromEntries(
      c.options.filter((o) => o.argChoices && o.long).map((o) => [o.long as string, o.argChoices as string[]]),
    ),
  }));
}

export function bashCompletion(program: Command): string {
  const cmds = specs(program);
  const cases = cmds
    .map((c) => {
      const choice = Object.entries(c.choices)
        .map(([opt, vals]) => `        ${opt}) COMPREPLY=( $(compgen -W "${vals.join(' ')}" -- "$cur") ); return ;;`)
        .join('\n');
      return `    ${c.name})\n      case "$prev" in\n${choice}\n      esac\n      if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "${c.options.join(' ')}" -- "$cur") ); else COMPREPLY=( $(compgen -f -- "$cur") ); fi ;;`;
    })
    .join('\n');
  return `# placement bash completion: eval "$(placement completion bash)"
_placement() {
  local cur prev cmd
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd="\${COMP_WORDS[1]}"
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=( $(compgen -W "${cmds.map((c) => c.name).join(' ')} --help --version" -- "$cur") ); return
  fi
  case "$cmd" in
${cases}
  esac
}
complete -o default -F _placement placement
`;
}

export function zshCompletion(program: Command): string {
  return `#compdef placement
# placement zsh completion: eval "$(placement completion zsh)"
autoload -U bashcompinit && bashcompinit
${bashCompletion(program)}`;
}

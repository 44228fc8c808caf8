// A fieldset of radio buttons with a legend, each option optionally with a
// hint tied to it (aria-describedby). Settings uses one per choice (theme,
// mode, speech engine, microphone).
import { useId } from 'react';

export interface RadioOption<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly hint?: string;
}

export interface RadioGroupProps<T extends string> {
  readonly legend: string;
  readonly options: readonly RadioOption<T>[];
  /** The checked option, or undefined while the settings load. */
  readonly value: T | undefined;
  readonly onChange: (value: T) => void;
  readonly disabled?: boolean;
  readonly className?: string;
}

export function RadioGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  disabled = false,
  className,
}: RadioGroupProps<T>) {
  const id = useId();
  return (
    <fieldset disabled={disabled} className={className}>
      <legend>{legend}</legend>
      {options.map((option) => {
        const input = `${id}-${option.value}`;
        return (
          <div key={option.value} className="radio">
            <input
              id={input}
              type="radio"
              name={id}
              value={option.value}
              checked={value === option.value}
              aria-describedby={option.hint ? `${input}-hint` : undefined}
              onChange={() => onChange(option.value)}
            />
            <div>
              <label htmlFor={input}>{option.label}</label>
              {option.hint && (
                <div id={`${input}-hint`} className="hint">
                  {option.hint}
                </div>
              )}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

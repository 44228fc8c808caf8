// Placeholder: being written (issue 4, delivery metrics).
export interface DeliveryReport {
  readonly spokenTurns: number;
}

/** The phrase tables ticket texts are built from; the triage stage reads tickets with them too. */
export type Queue = "billing" | "technical" | "account";

export const topicSentences: readonly { readonly queue: Queue; readonly text: string }[] = [
  { queue: "billing", text: "I was charged twice for my subscription this month." },
  { queue: "billing", text: "My latest invoice shows the wrong amount." },
  { queue: "billing", text: "The payment for my plan was declined but the money left my bank." },
  { queue: "billing", text: "Why did the price of my plan go up without notice?" },
  { queue: "billing", text: "I need to change the card you bill every month." },
  { queue: "technical", text: "The app crashes every time I open the settings page." },
  { queue: "technical", text: "Exporting a report to CSV times out after a minute." },
  { queue: "technical", text: "The dashboard shows error 500 when I load it." },
  { queue: "technical", text: "Sync between my phone and my laptop stopped working." },
  { queue: "technical", text: "Push notifications no longer arrive on my phone." },
  { queue: "account", text: "How do I change the email address on my profile?" },
  { queue: "account", text: "I would like to rename our workspace." },
  { queue: "account", text: "Please add a new member to our plan." },
  { queue: "account", text: "The password reset link I received has expired." },
  { queue: "account", text: "I want to transfer ownership of the workspace to a colleague." },
];

export const greetings = ["Hi,", "Hello,", "Hello team,", "Hi there,", "Good morning,", ""] as const;
export const urgencyPhrases = [
  "This is urgent.",
  "Please help ASAP.",
  "I need this fixed immediately.",
] as const;
export const closings = ["Thanks,", "Best,", "Regards,", "Cheers,"] as const;
export const months = ["January", "February", "March", "April", "May", "June", "July", "August"] as const;

export const refundPhrases = [
  "I want a refund for this month.",
  "Please refund my last payment.",
  "Can I get my money back for this period?",
  "I expect a refund if this cannot be fixed.",
] as const;

export const outagePhrases = [
  "Nobody on our team can load the dashboard since this morning.",
  "The whole office gets errors when opening the app.",
  "All of our users see a blank screen after signing in.",
  "Everyone in our company is stuck on the loading screen.",
] as const;

export const securityPhrases = [
  "I got an alert about a login from another country, and it wasn't me.",
  "Someone changed my password without my permission.",
  "I think my account was hacked last night.",
  "There is a suspicious new device signed in to my profile.",
] as const;

export const legalPhrases = [
  "If this is not resolved I will contact my lawyer.",
  "I am considering legal action over this.",
  "This is also a formal GDPR request for all data you hold about me.",
  "I will report this to the data protection authority.",
] as const;

export const invoiceCopyPhrases = [
  "URGENT: please send me a copy of my invoice for {month}.",
  "Please resend the receipt for my {month} payment, urgently.",
  "I need a duplicate of the {month} invoice ASAP.",
] as const;

/** The queue of a ticket's topic: its topic sentence if it has one, else keywords. */
export function topicQueue(ticket: string): Queue {
  const topic = topicSentences.find((sentence) => ticket.includes(sentence.text));
  if (topic) return topic.queue;
  if (/\b(charged?|invoices?|receipts?|payments?|price|bill(ed|ing)?|refund|card)\b/i.test(ticket))
    return "billing";
  if (/\b(password|email|profile|workspace|member|ownership|account)\b/i.test(ticket)) return "account";
  return "technical";
}

/** The customer says it is urgent in so many words. */
export function saysUrgent(ticket: string): boolean {
  return (
    /\b(urgent(ly)?|asap|immediately|right away)\b/i.test(ticket) && !/\b(not urgent|no rush)\b/i.test(ticket)
  );
}

/** An error whose message is meant for the person using the app (it says what to do next). */
export class UserFacingError extends Error {}

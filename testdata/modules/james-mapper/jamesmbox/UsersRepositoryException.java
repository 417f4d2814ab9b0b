package jamesmbox;

public class UsersRepositoryException extends Exception {
  public UsersRepositoryException(String message) {
    super(message);
  }

  public UsersRepositoryException(String message, Throwable cause) {
    super(message, cause);
  }
}

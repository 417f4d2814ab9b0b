package nxhelper;

import java.util.List;

/** The repository session the workers write through (no body: an interface of the module). */
public interface CoreSession {
  void saveDocument(String path);

  void removeDocument(String path);

  void moveDocument(String path, String target);

  List<String> query(String nxql);

  void save();
}
